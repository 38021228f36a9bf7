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
        var alternatives = around.Calendar.Human.WorkingHours is { HasBookingLimits: true }
            ? await WithLimitsAsync(humans, organizationId, humanId, start, duration, now, without, cancellationToken)
            : await WithoutLimitsAsync(humans, around.Calendar, start, duration, now, without, cancellationToken);
        return new IntervalRefusedException(refusal.Code, refusal.Message, alternatives, conflict);
    }

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
