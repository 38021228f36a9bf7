using Mediator;
using Microsoft.AspNetCore.Mvc;
using Slotflow.Api.Contracts;
using Slotflow.Application.Slots.GetPooledSlots;

namespace Slotflow.Api.Controllers;

/// <summary>The slots of several humans as one list, with who is free for each (spec §12).</summary>
[ApiController]
[Route("v1/slots")]
public sealed class PooledSlotsController(IMediator mediator) : ControllerBase
{
    [HttpGet]
    public async Task<PooledSlotsDto> GetPooled([FromQuery] GetPooledSlotsRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(request.ToQuery(User.OrganizationId()), cancellationToken);
}
