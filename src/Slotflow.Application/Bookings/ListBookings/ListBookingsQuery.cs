using Mediator;
using Slotflow.Application.Common;
using Slotflow.Domain.Bookings;

namespace Slotflow.Application.Bookings.ListBookings;

/// <summary>GET /v1/bookings; parameters arrive as sent and are checked by the validator.</summary>
public sealed record ListBookingsQuery(
    Guid OrganizationId, string? HumanId, string? Status, string? DateFrom, string? DateTo, string? Limit, string? Offset)
    : IQuery<BookingListDto>;

public sealed class ListBookingsQueryHandler(IBookingRepository bookings) : IQueryHandler<ListBookingsQuery, BookingListDto>
{
    public const int DefaultLimit = 50;

    public async ValueTask<BookingListDto> Handle(ListBookingsQuery query, CancellationToken cancellationToken)
    {
        var (limit, offset) = Paging.Parse(query.Limit, query.Offset, DefaultLimit);
        var filter = new BookingFilter(
            query.OrganizationId,
            query.HumanId is null ? null : Guid.Parse(query.HumanId),
            query.Status is null ? null : query.Status == "confirmed" ? BookingStatus.Confirmed : BookingStatus.Cancelled,
            query.DateFrom is null ? null : BookingBounds.Parse(query.DateFrom, endOfDay: false),
            query.DateTo is null ? null : BookingBounds.Parse(query.DateTo, endOfDay: true),
            limit,
            offset);

        var (page, total) = await bookings.ListAsync(filter, cancellationToken);
        return new BookingListDto([.. page.Select(b => b.ToDto())], total, limit, offset);
    }
}
