using Mediator;
using Slotflow.Domain.Bookings;

namespace Slotflow.Application.Bookings.ListBookings;

/// <summary>GET /v1/bookings, read at the edge: bookings starting in [StartsFrom, StartsBefore); a page left out is the default.</summary>
public sealed record ListBookingsQuery(
    Guid OrganizationId, Guid? HumanId, BookingStatus? Status, DateTimeOffset? StartsFrom, DateTimeOffset? StartsBefore, int? Limit, int? Offset)
    : IQuery<BookingListDto>;

public sealed class ListBookingsQueryHandler(IBookingRepository bookings) : IQueryHandler<ListBookingsQuery, BookingListDto>
{
    public const int DefaultLimit = 50;

    public async ValueTask<BookingListDto> Handle(ListBookingsQuery query, CancellationToken cancellationToken)
    {
        var (limit, offset) = (query.Limit ?? DefaultLimit, query.Offset ?? 0);
        var filter = new BookingFilter(query.OrganizationId, query.HumanId, query.Status, query.StartsFrom, query.StartsBefore, limit, offset);
        var (page, total) = await bookings.ListAsync(filter, cancellationToken);
        return new BookingListDto([.. page.Select(b => b.ToDto())], total, limit, offset);
    }
}
