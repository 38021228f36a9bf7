using Mediator;
using Microsoft.AspNetCore.Mvc;
using Slotflow.Api.Contracts;
using Slotflow.Application.Bookings;
using Slotflow.Application.Bookings.CancelBooking;
using Slotflow.Application.Bookings.CreateBooking;
using Slotflow.Application.Bookings.GetBooking;
using Slotflow.Application.Bookings.ListBookings;

namespace Slotflow.Api.Controllers;

[ApiController]
[Route("v1/bookings")]
public sealed class BookingsController(IMediator mediator) : ControllerBase
{
    [HttpPost]
    public async Task<ActionResult<BookingDto>> Create([FromBody] CreateBookingRequest request, CancellationToken cancellationToken)
    {
        var booking = await mediator.Send(
            new CreateBookingCommand(
                User.OrganizationId(), request.HumanId, request.StartsAt, request.Duration,
                request.AttendeeName, request.AttendeeEmail, request.Metadata),
            cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = booking.Id }, booking);
    }

    /// <remarks>Parameters bind as text so that a malformed one is named by the validator (422).</remarks>
    [HttpGet]
    public async Task<BookingListDto> List(
        [FromQuery(Name = "human_id")] string? humanId,
        [FromQuery(Name = "status")] string? status,
        [FromQuery(Name = "date_from")] string? dateFrom,
        [FromQuery(Name = "date_to")] string? dateTo,
        [FromQuery(Name = "limit")] string? limit,
        [FromQuery(Name = "offset")] string? offset,
        CancellationToken cancellationToken) =>
        await mediator.Send(new ListBookingsQuery(User.OrganizationId(), humanId, status, dateFrom, dateTo, limit, offset), cancellationToken);

    [HttpGet("{id:guid}")]
    public async Task<BookingDto> Get(Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetBookingQuery(User.OrganizationId(), id), cancellationToken);

    [HttpDelete("{id:guid}")]
    public async Task<CancelledBookingDto> Cancel(Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new CancelBookingCommand(User.OrganizationId(), id), cancellationToken);
}
