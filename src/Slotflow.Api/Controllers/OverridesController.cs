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

    /// <remarks>Parameters bind as text so that a malformed one is named by the validator (422).</remarks>
    [HttpGet]
    public async Task<OverrideListDto> List(
        Guid humanId,
        [FromQuery(Name = "limit")] string? limit,
        [FromQuery(Name = "offset")] string? offset,
        CancellationToken cancellationToken) =>
        await mediator.Send(new ListOverridesQuery(User.OrganizationId(), humanId, limit, offset), cancellationToken);

    [HttpDelete("{overrideId:guid}")]
    public async Task<DeletedDto> Delete(Guid humanId, Guid overrideId, CancellationToken cancellationToken) =>
        await mediator.Send(new DeleteOverrideCommand(User.OrganizationId(), humanId, overrideId), cancellationToken);
}
