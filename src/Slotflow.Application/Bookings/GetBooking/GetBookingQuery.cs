using Mediator;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;

namespace Slotflow.Application.Bookings.GetBooking;

public sealed record GetBookingQuery(Guid OrganizationId, Guid BookingId) : IQuery<BookingDto>;

public sealed class GetBookingQueryHandler(IBookingRepository bookings) : IQueryHandler<GetBookingQuery, BookingDto>
{
    public async ValueTask<BookingDto> Handle(GetBookingQuery query, CancellationToken cancellationToken) =>
        (await bookings.ReadAsync(query.OrganizationId, query.BookingId, cancellationToken) ?? throw DomainException.NotFound("Booking")).ToDto();
}
