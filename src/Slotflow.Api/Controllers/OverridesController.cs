using Mediator;
using Microsoft.AspNetCore.Mvc;
using Slotflow.Api.Contracts;
using Slotflow.Application.Humans;
using Slotflow.Application.ScheduleOverrides;
using Slotflow.Application.ScheduleOverrides.DeleteOverride;

namespace Slotflow.Api.Controllers;

[ApiController]
[Route("v1/humans/{humanId:guid}/overrides")]
public sealed class OverridesController(IMediator mediator) : ControllerBase
{
    [HttpPost]
    public async Task<ActionResult<OverrideDto>> Create(Guid humanId, [FromBody] CreateOverrideRequest request, CancellationToken cancellationToken)
    {
        var created = await mediator.Send(request.ToCommand(User.OrganizationId(), humanId), cancellationToken);
        return StatusCode(StatusCodes.Status201Created, created);
    }

    [HttpGet]
    public async Task<OverrideListDto> List(Guid humanId, [FromQuery] ListOverridesRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(request.ToQuery(User.OrganizationId(), humanId), cancellationToken);

    [HttpDelete("{overrideId:guid}")]
    public async Task<DeletedDto> Delete(Guid humanId, Guid overrideId, CancellationToken cancellationToken) =>
        await mediator.Send(new DeleteOverrideCommand(User.OrganizationId(), humanId, overrideId), cancellationToken);
}
