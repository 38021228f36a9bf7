using Mediator;
using Microsoft.AspNetCore.Mvc;
using Slotflow.Api.Contracts;
using Slotflow.Application.Bookings;
using Slotflow.Application.Bookings.BookFirstAvailable;
using Slotflow.Application.Bookings.CancelBooking;
using Slotflow.Application.Bookings.GetBooking;

namespace Slotflow.Api.Controllers;

[ApiController]
[Route("v1/bookings")]
public sealed class BookingsController(IMediator mediator) : ControllerBase
{
    [HttpPost]
    public async Task<ActionResult<BookingDto>> Create([FromBody] CreateBookingRequest request, CancellationToken cancellationToken)
    {
        var booking = request.HumanIds is null
            ? await mediator.Send(request.ToCommand(User.OrganizationId()), cancellationToken)
            : await mediator.Send(request.ToPooledCommand(User.OrganizationId()), cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = booking.Id }, booking);
    }

    /// <summary>Books the first of the candidates, in order, that is bookable, and says which (spec §12).</summary>
    [HttpPost("first-available")]
    public async Task<ActionResult<FirstAvailableBookingDto>> CreateFirstAvailable([FromBody] BookFirstAvailableRequest request, CancellationToken cancellationToken)
    {
        var booking = await mediator.Send(request.ToCommand(User.OrganizationId()), cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = booking.Id }, booking);
    }

    /// <summary>The decision POST /v1/bookings would get for this body now (spec §11.4); writes nothing, counts nothing.</summary>
    [HttpPost("check")]
    public async Task<SlotCheckResponse> Check([FromBody] CreateBookingRequest request, CancellationToken cancellationToken) =>
        SlotCheckResponse.From(request.HumanIds is null
            ? await mediator.Send(request.ToCheckQuery(User.OrganizationId()), cancellationToken)
            : await mediator.Send(request.ToPooledCheckQuery(User.OrganizationId()), cancellationToken));

    /// <summary>Moves the booking to a new time in one transaction, keeping its id (spec §11.2).</summary>
    [HttpPost("{id:guid}/reschedule")]
    public async Task<BookingDto> Reschedule(Guid id, [FromBody] RescheduleBookingRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(request.ToCommand(User.OrganizationId(), id), cancellationToken);

    [HttpGet]
    public async Task<BookingListDto> List([FromQuery] ListBookingsRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(request.ToQuery(User.OrganizationId()), cancellationToken);

    [HttpGet("{id:guid}")]
    public async Task<BookingDto> Get(Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetBookingQuery(User.OrganizationId(), id), cancellationToken);

    [HttpDelete("{id:guid}")]
    public async Task<CancelledBookingDto> Cancel(Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new CancelBookingCommand(User.OrganizationId(), id), cancellationToken);
}
