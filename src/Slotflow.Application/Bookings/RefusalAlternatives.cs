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
        var near = await EngineAsync(humans, organizationId, humanId, ScheduleSpan.ForNearAlternatives(start), now, without, cancellationToken);
        if (near is null)
        {
            return refusal;
        }

        var alternatives = near.NearAlternatives(start, duration, now);
        if (alternatives is null && await EngineAsync(humans, organizationId, humanId, ScheduleSpan.ForAlternatives(start), now, without, cancellationToken) is { } wide)
        {
            alternatives = wide.Alternatives(start, duration, now);
        }

        return new IntervalRefusedException(
            refusal.Code,
            refusal.Message,
            alternatives ?? [],
            refusal.Code == ErrorCode.SlotUnavailable ? near.Conflict(start, duration) : null);
    }

    private static async Task<Availability?> EngineAsync(
        IHumanRepository humans, Guid organizationId, Guid humanId, ScheduleSpan span, DateTimeOffset now, TakenTime? without, CancellationToken cancellationToken) =>
        await humans.ReadScheduleAsync(organizationId, humanId, span, now, cancellationToken) is { } schedule
            ? Availability.For(schedule.Calendar, without is { } own ? Human.Without(schedule.Taken, own) : schedule.Taken)
            : null;
}
