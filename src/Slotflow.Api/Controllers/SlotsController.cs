using Mediator;
using Microsoft.AspNetCore.Mvc;
using Slotflow.Application.Slots;
using Slotflow.Application.Slots.GetSlots;

namespace Slotflow.Api.Controllers;

[ApiController]
[Route("v1/humans/{humanId:guid}/slots")]
public sealed class SlotsController(IMediator mediator) : ControllerBase
{
    /// <remarks>Parameters bind as text so that a malformed one is named by the validator (422), not by model binding.</remarks>
    [HttpGet]
    public async Task<SlotsDto> Get(
        Guid humanId,
        [FromQuery(Name = "date_from")] string? dateFrom,
        [FromQuery(Name = "date_to")] string? dateTo,
        [FromQuery(Name = "duration")] string? duration,
        CancellationToken cancellationToken) =>
        await mediator.Send(new GetSlotsQuery(User.OrganizationId(), humanId, dateFrom, dateTo, duration), cancellationToken);
}
