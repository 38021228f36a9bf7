using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Slotflow.Api.Contracts;
using Slotflow.Application.Organizations;
using Slotflow.Application.Organizations.CreateOrganization;
using Slotflow.Application.Organizations.GetOrganization;
using Slotflow.Application.Organizations.GetUsage;
using Slotflow.Application.Webhooks;
using Slotflow.Infrastructure.Authentication;

namespace Slotflow.Api.Controllers;

/// <summary>The Admin API's organizations: admin keys only (a customer key is a 401 here).</summary>
[ApiController]
[Route("admin/v1/organizations")]
[Authorize(Policy = AdminKeyAuthenticationHandler.PolicyName)]
public sealed class AdminOrganizationsController(IMediator mediator) : ControllerBase
{
    /// <summary>201 with the organization and its first API key's plaintext, shown this once.</summary>
    [HttpPost]
    public async Task<ActionResult<CreatedOrganizationDto>> Create(
        [FromBody] AdminCreateOrganizationRequest request, CancellationToken cancellationToken)
    {
        var created = await mediator.Send(request.ToCommand(), cancellationToken);
        return StatusCode(StatusCodes.Status201Created, created);
    }

    [HttpGet]
    public async Task<OrganizationListDto> List([FromQuery] ListOrganizationsRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(request.ToQuery(), cancellationToken);

    [HttpGet("{id:guid}")]
    public async Task<OrganizationDto> Get(Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetOrganizationQuery(id), cancellationToken);

    [HttpPatch("{id:guid}")]
    public async Task<OrganizationDto> Update(Guid id, [FromBody] AdminUpdateOrganizationRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(request.ToCommand(id), cancellationToken);

    [HttpGet("{id:guid}/usage")]
    public async Task<UsageDto> Usage(Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetOrganizationUsageQuery(id), cancellationToken);

    /// <summary>Every webhook delivery of the organization, newest first, as GET /v1/webhooks/{id}/deliveries shows them.</summary>
    [HttpGet("{id:guid}/webhook-deliveries")]
    public async Task<WebhookDeliveryListDto> WebhookDeliveries(Guid id, [FromQuery] ListDeliveriesRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(request.ToQuery(id, webhookId: null), cancellationToken);
}
