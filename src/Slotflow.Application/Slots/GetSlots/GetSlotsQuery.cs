using Mediator;
using Slotflow.Application.Common;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Application.Slots.GetSlots;

/// <summary>GET /v1/humans/{id}/slots, read at the edge: the human's local dates from and to (inclusive), minutes.</summary>
public sealed record GetSlotsQuery(Guid OrganizationId, Guid HumanId, DateOnly DateFrom, DateOnly DateTo, int Duration) : IQuery<SlotsDto>;

public sealed class GetSlotsQueryHandler(IHumanRepository humans, TimeProvider clock) : IQueryHandler<GetSlotsQuery, SlotsDto>
{
    public async ValueTask<SlotsDto> Handle(GetSlotsQuery query, CancellationToken cancellationToken)
    {
        var (from, to, duration) = (query.DateFrom, query.DateTo, query.Duration);

        var now = clock.GetUtcNow();
        var schedule = await humans.ReadScheduleAsync(query.OrganizationId, query.HumanId, ScheduleSpan.ForDates(from, to), now, cancellationToken)
            ?? throw DomainException.NotFound("Human");
        var human = schedule.Calendar.Human;
        var availability = Availability.For(schedule.Calendar, schedule.Taken);
        var slots = availability.ListSlots(from, to, duration, now)
            .ConvertAll(slot => new SlotDto(slot.Start, slot.End));
        return new SlotsDto(human.Id, duration, human.TimeZoneId, slots, slots.Count);
    }
}
