using Mediator;
using Microsoft.AspNetCore.Mvc;
using Slotflow.Api.Contracts;
using Slotflow.Application.Humans;
using Slotflow.Application.ScheduleOverrides;
using Slotflow.Application.ScheduleOverrides.CreateOverride;
using Slotflow.Application.ScheduleOverrides.DeleteOverride;
using Slotflow.Application.ScheduleOverrides.ListOverrides;

namespace Slotflow.Api.Controllers;

[ApiController]
[Route("v1/humans/{humanId:guid}/overrides")]
public sealed class OverridesController(IMediator mediator) : ControllerBase
{
    [HttpPost]
    public async Task<ActionResult<OverrideDto>> Create(Guid humanId, [FromBody] CreateOverrideRequest request, CancellationToken cancellationToken)
    {
        var recurrence = request.Recurrence is { } r
            ? new RecurrenceInput(r.Freq, r.Interval, r.Days, r.DayOfMonth, r.Week, r.Day)
            : null;
        var created = await mediator.Send(
            new CreateOverrideCommand(
                User.OrganizationId(), humanId, request.Type, request.Title, request.AllDay,
                request.StartDate, request.EndDate, request.StartTime, request.EndTime, recurrence),
            cancellationToken);
        return StatusCode(StatusCodes.Status201Created, created);
    }

    [HttpGet]
    public async Task<OverrideListDto> List(Guid humanId, CancellationToken cancellationToken) =>
        await mediator.Send(new ListOverridesQuery(User.OrganizationId(), humanId), cancellationToken);

    [HttpDelete("{overrideId:guid}")]
    public async Task<DeletedDto> Delete(Guid humanId, Guid overrideId, CancellationToken cancellationToken) =>
        await mediator.Send(new DeleteOverrideCommand(User.OrganizationId(), humanId, overrideId), cancellationToken);
}
