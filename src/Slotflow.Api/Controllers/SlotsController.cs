using Mediator;
using Microsoft.AspNetCore.Mvc;
using Slotflow.Application.Slots;
using Slotflow.Api.Contracts;

namespace Slotflow.Api.Controllers;

[ApiController]
[Route("v1/humans/{humanId:guid}/slots")]
public sealed class SlotsController(IMediator mediator) : ControllerBase
{
    [HttpGet]
    public async Task<SlotsDto> Get(Guid humanId, [FromQuery] GetSlotsRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(request.ToQuery(User.OrganizationId(), humanId), cancellationToken);
}
