using Mediator;
using Microsoft.AspNetCore.Mvc;
using Slotflow.Api.Contracts;
using Slotflow.Application.Humans;
using Slotflow.Application.Webhooks;
using Slotflow.Application.Webhooks.DeleteWebhook;
using Slotflow.Application.Webhooks.ListWebhooks;
using Slotflow.Application.Webhooks.RetryDelivery;

namespace Slotflow.Api.Controllers;

[ApiController]
[Route("v1/webhooks")]
public sealed class WebhooksController(IMediator mediator) : ControllerBase
{
    [HttpPost]
    public async Task<ActionResult<WebhookDto>> Create([FromBody] CreateWebhookRequest request, CancellationToken cancellationToken)
    {
        var webhook = await mediator.Send(request.ToCommand(User.OrganizationId()), cancellationToken);
        return StatusCode(StatusCodes.Status201Created, webhook);
    }

    [HttpGet]
    public async Task<WebhookListDto> List(CancellationToken cancellationToken) =>
        await mediator.Send(new ListWebhooksQuery(User.OrganizationId()), cancellationToken);

    [HttpDelete("{id:guid}")]
    public async Task<DeletedDto> Delete(Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new DeleteWebhookCommand(User.OrganizationId(), id), cancellationToken);

    [HttpGet("{id:guid}/deliveries")]
    public async Task<WebhookDeliveryListDto> ListDeliveries(Guid id, [FromQuery] ListDeliveriesRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(request.ToQuery(User.OrganizationId(), id), cancellationToken);

    /// <summary>202: the delivery is due at once and the worker sends it; its outcome shows in the deliveries list.</summary>
    [HttpPost("{id:guid}/deliveries/{deliveryId:guid}/retry")]
    public async Task<ActionResult<WebhookDeliveryDto>> RetryDelivery(Guid id, Guid deliveryId, CancellationToken cancellationToken)
    {
        var delivery = await mediator.Send(new RetryWebhookDeliveryCommand(User.OrganizationId(), id, deliveryId), cancellationToken);
        return StatusCode(StatusCodes.Status202Accepted, delivery);
    }
}
