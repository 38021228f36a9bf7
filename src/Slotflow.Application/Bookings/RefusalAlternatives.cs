using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Application.Bookings;

/// <summary>
/// Turns the refusal of a specific interval into one that helps the agent retry (spec §11.3): the nearest bookable
/// slots and, for SLOT_UNAVAILABLE, the occupying booking or hold, from fresh reads after the refused transaction. Other
/// refusals come back unchanged. A reschedule leaves its own booking out of the search.
/// </summary>
public static class RefusalAlternatives
{
    public static async Task<DomainException> ExplainAsync(
        IHumanRepository humans, DateTimeOffset now, Guid organizationId, Guid humanId, DateTimeOffset start, int duration,
        DomainException refusal, CancellationToken cancellationToken, TakenTime? without = null)
    {
        if (refusal is IntervalRefusedException || !IntervalRefusedException.IsIntervalRefusal(refusal.Code))
        {
            return refusal;
        }

        // The time around the interval names the conflict (and gives the calendar).
        var around = await humans.ReadScheduleAsync(organizationId, humanId, ScheduleSpan.ForInterval(new TimeRange(start, start.AddMinutes(duration))), now, cancellationToken);
        if (around is null)
        {
            return refusal;
        }

        var conflict = refusal.Code == ErrorCode.SlotUnavailable ? Availability.For(around.Calendar, Taken(around.Taken, without)).Conflict(start, duration) : null;
        var alternatives = await NearestAsync(humans, around.Calendar, start, duration, now, without, cancellationToken);
        return new IntervalRefusedException(refusal.Code, refusal.Message, alternatives, conflict);
    }

    /// <summary>
    /// The refusal of a booking across several humans (spec §12), <paramref name="refusal"/> being the one that answers
    /// it: the pool's nearest bookable slots to <paramref name="start"/>, each with the humans free for it, and for
    /// SLOT_UNAVAILABLE the time in the way of the pool's first human. A human gone since is left out.
    /// </summary>
    /// <param name="around">Each human's schedule around the interval, when the caller has just read them (in the order of <paramref name="humanIds"/>).</param>
    public static async Task<PoolRefusedException> ExplainPoolAsync(
        IHumanRepository humans, DateTimeOffset now, Guid organizationId, IReadOnlyList<Guid> humanIds, DateTimeOffset start, int duration,
        DomainException refusal, IReadOnlyList<CandidateRefusal>? candidates, CancellationToken cancellationToken, IReadOnlyList<HumanSchedule>? around = null)
    {
        TakenTime? conflict = null;
        var nearestOfEach = new List<(Guid, IReadOnlyList<TimeRange>)>();
        var interval = ScheduleSpan.ForInterval(new TimeRange(start, start.AddMinutes(duration)));
        for (var i = 0; i < humanIds.Count; i++)
        {
            if ((around?[i] ?? await humans.ReadScheduleAsync(organizationId, humanIds[i], interval, now, cancellationToken)) is not { } schedule)
            {
                continue;
            }

            if (i == 0 && refusal.Code == ErrorCode.SlotUnavailable && candidates is null)
            {
                conflict = Availability.For(schedule.Calendar, schedule.Taken).Conflict(start, duration);
            }

            nearestOfEach.Add((humanIds[i], await NearestAsync(humans, schedule.Calendar, start, duration, now, null, cancellationToken)));
        }

        return new PoolRefusedException(refusal.Code, refusal.Message, SlotPool.Nearest(nearestOfEach, start), conflict, candidates);
    }

    private static async Task<IReadOnlyList<TimeRange>> NearestAsync(
        IHumanRepository humans, HumanCalendar calendar, DateTimeOffset start, int duration, DateTimeOffset now, TakenTime? without, CancellationToken cancellationToken) =>
        calendar.Human.WorkingHours is { HasBookingLimits: true }
            ? await WithLimitsAsync(humans, calendar.Human.OrganizationId, calendar.Human.Id, start, duration, now, without, cancellationToken)
            : await WithoutLimitsAsync(humans, calendar, start, duration, now, without, cancellationToken);

    /// <summary>
    /// Only the union of taken time matters, so the month is read as runs of touching blocked windows (from the index
    /// alone, merged as they stream in: a month booked solid is a few items, not thousands), and that one read serves
    /// both the near search and the wide one.
    /// </summary>
    private static async Task<IReadOnlyList<TimeRange>> WithoutLimitsAsync(
        IHumanRepository humans, HumanCalendar calendar, DateTimeOffset start, int duration, DateTimeOffset now, TakenTime? without, CancellationToken cancellationToken)
    {
        var month = Availability.For(calendar, await humans.ReadTakenRunsAsync(calendar.Human, ScheduleSpan.ForAlternatives(start), now, without, cancellationToken));
        return month.NearAlternatives(start, duration, now) ?? month.Alternatives(start, duration, now);
    }

    /// <summary>Limits count bookings per day and week, so every booking is read: the days around first, the month only when they do not settle it.</summary>
    private static async Task<IReadOnlyList<TimeRange>> WithLimitsAsync(
        IHumanRepository humans, Guid organizationId, Guid humanId, DateTimeOffset start, int duration, DateTimeOffset now, TakenTime? without, CancellationToken cancellationToken)
    {
        if (await humans.ReadScheduleAsync(organizationId, humanId, ScheduleSpan.ForNearAlternatives(start), now, cancellationToken) is { } near
            && Availability.For(near.Calendar, Taken(near.Taken, without)).NearAlternatives(start, duration, now) is { } nearest)
        {
            return nearest;
        }

        return await humans.ReadScheduleAsync(organizationId, humanId, ScheduleSpan.ForAlternatives(start), now, cancellationToken) is { } month
            ? Availability.For(month.Calendar, Taken(month.Taken, without)).Alternatives(start, duration, now)
            : [];
    }

    private static IReadOnlyList<TakenTime> Taken(IReadOnlyList<TakenTime> taken, TakenTime? without) =>
        without is { } own ? Human.Without(taken, own) : taken;
}
