using System.Globalization;
using Mediator;
using Slotflow.Application.Common;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Application.Slots.GetSlots;

/// <summary>GET /v1/humans/{id}/slots; the query parameters arrive as sent and are checked by the validator.</summary>
public sealed record GetSlotsQuery(Guid OrganizationId, Guid HumanId, string? DateFrom, string? DateTo, string? Duration) : IQuery<SlotsDto>;

public sealed class GetSlotsQueryHandler(IHumanRepository humans, IBookingRepository bookings, TimeProvider clock) : IQueryHandler<GetSlotsQuery, SlotsDto>
{
    public async ValueTask<SlotsDto> Handle(GetSlotsQuery query, CancellationToken cancellationToken)
    {
        var from = WireDate.Parse(query.DateFrom!);
        var to = WireDate.Parse(query.DateTo!);
        var duration = int.Parse(query.Duration!, NumberStyles.None, CultureInfo.InvariantCulture);

        var calendar = await humans.ReadActiveCalendarAsync(query.OrganizationId, query.HumanId, cancellationToken)
            ?? throw DomainException.NotFound("Human");
        var human = calendar.Human;

        var zone = IanaTimeZone.Find(human.TimeZoneId);
        var taken = await bookings.ListConfirmedIntervalsAsync(human.Id, Availability.BookingSpan(zone, from, to), cancellationToken);
        var availability = Availability.For(calendar, taken);
        var slots = availability.ListSlots(from, to, duration, clock.GetUtcNow())
            .ConvertAll(slot => new SlotDto(slot.Start, slot.End));
        return new SlotsDto(human.Id, duration, human.TimeZoneId, slots, slots.Count);
    }
}
