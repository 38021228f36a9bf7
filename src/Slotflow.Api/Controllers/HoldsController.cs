using Mediator;
using Microsoft.AspNetCore.Mvc;
using Slotflow.Api.Contracts;
using Slotflow.Application.Bookings;
using Slotflow.Application.Holds;
using Slotflow.Application.Holds.GetHold;
using Slotflow.Application.Holds.ReleaseHold;

namespace Slotflow.Api.Controllers;

/// <summary>Holds (spec §11.1): keep a time while the agent asks its user, then confirm it into a booking or release it.</summary>
[ApiController]
[Route("v1/holds")]
public sealed class HoldsController(IMediator mediator) : ControllerBase
{
    [HttpPost]
    public async Task<ActionResult<HoldDto>> Create([FromBody] PlaceHoldRequest request, CancellationToken cancellationToken)
    {
        var hold = await mediator.Send(request.ToCommand(User.OrganizationId()), cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = hold.Id }, hold);
    }

    [HttpGet("{id:guid}")]
    public async Task<HoldDto> Get(Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetHoldQuery(User.OrganizationId(), id), cancellationToken);

    /// <summary>201 with the booking it makes; 200 with the same booking once it is confirmed.</summary>
    [HttpPost("{id:guid}/confirm")]
    public async Task<ActionResult<BookingDto>> Confirm(Guid id, [FromBody] ConfirmHoldRequest request, CancellationToken cancellationToken)
    {
        var confirmed = await mediator.Send(request.ToCommand(User.OrganizationId(), id), cancellationToken);
        return confirmed.Created
            ? CreatedAtAction(nameof(BookingsController.Get), "Bookings", new { id = confirmed.Booking.Id }, confirmed.Booking)
            : Ok(confirmed.Booking);
    }

    [HttpDelete("{id:guid}")]
    public async Task<ReleasedHoldDto> Release(Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new ReleaseHoldCommand(User.OrganizationId(), id), cancellationToken);
}
