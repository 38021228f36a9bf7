using Mediator;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Application.Slots.GetPooledSlots;

/// <summary>GET /v1/slots?human_ids=… (spec §12): distinct humans as given, each one's local dates from and to (inclusive), minutes.</summary>
public sealed record GetPooledSlotsQuery(Guid OrganizationId, IReadOnlyList<Guid> HumanIds, DateOnly DateFrom, DateOnly DateTo, int Duration) : IQuery<PooledSlotsDto>;

/// <summary>The pool's slots: each human's own, by its own rules and zone, as one list by start with who is free for each.</summary>
public sealed record PooledSlotsDto(int Duration, IReadOnlyList<PooledSlotDto> Slots, int Total);

public sealed record PooledSlotDto(DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<Guid> HumanIds);

/// <summary>
/// Lists each human's slots as its own slot query does (a human for whom the duration is not allowed has none), from
/// one read of the pool's humans and one of their bookings, and unites them (<see cref="SlotPool.Union"/>). A human
/// unknown, another organization's or inactive is a 404.
/// </summary>
public sealed class GetPooledSlotsQueryHandler(IHumanRepository humans, TimeProvider clock) : IQueryHandler<GetPooledSlotsQuery, PooledSlotsDto>
{
    public async ValueTask<PooledSlotsDto> Handle(GetPooledSlotsQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var span = ScheduleSpan.ForDates(query.DateFrom, query.DateTo);
        var schedules = await humans.ReadSchedulesAsync(query.OrganizationId, query.HumanIds, span, now, cancellationToken)
            ?? throw DomainException.NotFound("Human");
        // Listed lazily: the union takes each human's list as it is made, so one is alive at a time.
        var each = query.HumanIds.Select((humanId, i) => (humanId, (IReadOnlyList<TimeRange>)ListSlots(schedules[i], query, now)));
        var slots = SlotPool.Union(each).ConvertAll(s => new PooledSlotDto(s.Slot.Start, s.Slot.End, s.HumanIds));
        return new PooledSlotsDto(query.Duration, slots, slots.Count);
    }

    private static List<TimeRange> ListSlots(HumanSchedule schedule, GetPooledSlotsQuery query, DateTimeOffset now)
    {
        var availability = Availability.For(schedule.Calendar, schedule.Taken);
        return availability.Allows(query.Duration) ? availability.ListSlots(query.DateFrom, query.DateTo, query.Duration, now) : [];
    }
}
