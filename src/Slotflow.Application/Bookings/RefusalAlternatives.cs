using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Application.Bookings;

/// <summary>
/// Turns the refusal of a specific interval into one that helps the agent retry (spec §11.3): the nearest bookable
/// slots and, for SLOT_UNAVAILABLE, the occupying interval, from a fresh read of the human's month around it. Other
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

        var schedule = await humans.ReadScheduleAsync(organizationId, humanId, ScheduleSpan.ForAlternatives(start), now, cancellationToken);
        if (schedule is null)
        {
            return refusal;
        }

        var engine = Availability.For(schedule.Calendar, without is { } own ? Human.Without(schedule.Taken, own) : schedule.Taken);
        return new IntervalRefusedException(
            refusal.Code,
            refusal.Message,
            engine.Alternatives(start, duration, now),
            refusal.Code == ErrorCode.SlotUnavailable ? engine.Conflict(start, duration) : null);
    }
}
