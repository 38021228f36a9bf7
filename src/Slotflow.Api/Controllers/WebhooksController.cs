using Mediator;
using Microsoft.AspNetCore.Mvc;
using Slotflow.Api.Contracts;
using Slotflow.Application.Humans;
using Slotflow.Application.Webhooks;
using Slotflow.Application.Webhooks.CreateWebhook;
using Slotflow.Application.Webhooks.DeleteWebhook;
using Slotflow.Application.Webhooks.ListWebhooks;

namespace Slotflow.Api.Controllers;

[ApiController]
[Route("v1/webhooks")]
public sealed class WebhooksController(IMediator mediator) : ControllerBase
{
    [HttpPost]
    public async Task<ActionResult<WebhookDto>> Create([FromBody] CreateWebhookRequest request, CancellationToken cancellationToken)
    {
        var webhook = await mediator.Send(new CreateWebhookCommand(User.OrganizationId(), request.Url, request.Events), cancellationToken);
        return StatusCode(StatusCodes.Status201Created, webhook);
    }

    [HttpGet]
    public async Task<WebhookListDto> List(CancellationToken cancellationToken) =>
        await mediator.Send(new ListWebhooksQuery(User.OrganizationId()), cancellationToken);

    [HttpDelete("{id:guid}")]
    public async Task<DeletedDto> Delete(Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new DeleteWebhookCommand(User.OrganizationId(), id), cancellationToken);
}
