using Mediator;
using Microsoft.AspNetCore.Mvc;
using Slotflow.Api.Contracts;
using Slotflow.Application.Humans;
using Slotflow.Application.Humans.DeleteHuman;
using Slotflow.Application.Humans.GetHuman;
using Slotflow.Application.Humans.ListHumans;

namespace Slotflow.Api.Controllers;

[ApiController]
[Route("v1/humans")]
public sealed class HumansController(IMediator mediator) : ControllerBase
{
    [HttpPost]
    public async Task<ActionResult<HumanDto>> Create([FromBody] CreateHumanRequest request, CancellationToken cancellationToken)
    {
        var human = await mediator.Send(request.ToCommand(User.OrganizationId()), cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = human.Id }, human);
    }

    [HttpGet]
    public async Task<HumanListDto> List(CancellationToken cancellationToken) =>
        await mediator.Send(new ListHumansQuery(User.OrganizationId()), cancellationToken);

    [HttpGet("{id:guid}")]
    public async Task<HumanDetailsDto> Get(Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetHumanQuery(User.OrganizationId(), id), cancellationToken);

    [HttpDelete("{id:guid}")]
    public async Task<DeletedDto> Delete(Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new DeleteHumanCommand(User.OrganizationId(), id), cancellationToken);

    [HttpPut("{id:guid}/availability")]
    public async Task<HumanDetailsDto> SetAvailability(Guid id, [FromBody] SetAvailabilityRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(request.ToCommand(User.OrganizationId(), id), cancellationToken);
}
