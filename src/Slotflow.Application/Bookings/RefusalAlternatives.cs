using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Application.Bookings;

/// <summary>
/// Turns the refusal of a specific interval into one that helps the agent retry (spec §11.3): the nearest bookable
/// slots and, for SLOT_UNAVAILABLE, the occupying booking or hold, from a fresh read of the days around it (and of its month when those days do not settle it). Other
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

        // The days around the time usually settle it in one small read; a crowded calendar needs its month.
        var near = await humans.ReadScheduleAsync(organizationId, humanId, ScheduleSpan.ForNearAlternatives(start), now, cancellationToken);
        if (near is null)
        {
            return refusal;
        }

        var nearEngine = Availability.For(near.Calendar, Taken(near.Taken, without));
        var alternatives = nearEngine.NearAlternatives(start, duration, now)
            ?? (await MonthAsync(humans, near.Calendar, organizationId, start, now, without, cancellationToken))?.Alternatives(start, duration, now);

        return new IntervalRefusedException(
            refusal.Code,
            refusal.Message,
            alternatives ?? [],
            refusal.Code == ErrorCode.SlotUnavailable ? nearEngine.Conflict(start, duration) : null);
    }

    /// <summary>
    /// The engine over the month around the start. Without daily or weekly limits only the union of taken time
    /// matters, so the database returns it merged into runs (a month booked solid is a few rows, not thousands).
    /// </summary>
    private static async Task<Availability?> MonthAsync(
        IHumanRepository humans, HumanCalendar calendar, Guid organizationId, DateTimeOffset start, DateTimeOffset now, TakenTime? without, CancellationToken cancellationToken)
    {
        var span = ScheduleSpan.ForAlternatives(start);
        if (calendar.Human.WorkingHours is not { HasBookingLimits: true })
        {
            return Availability.For(calendar, await humans.ReadTakenRunsAsync(calendar.Human, span, now, without, cancellationToken));
        }

        return await humans.ReadScheduleAsync(organizationId, calendar.Human.Id, span, now, cancellationToken) is { } schedule
            ? Availability.For(schedule.Calendar, Taken(schedule.Taken, without))
            : null;
    }

    private static IReadOnlyList<TakenTime> Taken(IReadOnlyList<TakenTime> taken, TakenTime? without) =>
        without is { } own ? Human.Without(taken, own) : taken;
}
