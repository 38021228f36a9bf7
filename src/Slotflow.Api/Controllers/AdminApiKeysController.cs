using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Slotflow.Api.Contracts;
using Slotflow.Application.Organizations;
using Slotflow.Application.Organizations.ListApiKeys;
using Slotflow.Application.Organizations.RevokeApiKey;
using Slotflow.Infrastructure.Authentication;

namespace Slotflow.Api.Controllers;

/// <summary>The Admin API's view of an organization's API keys: issue, list (never a secret), revoke.</summary>
[ApiController]
[Route("admin/v1/organizations/{id:guid}/api-keys")]
[Authorize(Policy = AdminKeyAuthenticationHandler.PolicyName)]
public sealed class AdminApiKeysController(IMediator mediator) : ControllerBase
{
    [HttpPost]
    public async Task<ActionResult<CreatedApiKeyDto>> Create(Guid id, [FromBody] AdminCreateApiKeyRequest request, CancellationToken cancellationToken)
    {
        var created = await mediator.Send(request.ToCommand(id), cancellationToken);
        return StatusCode(StatusCodes.Status201Created, created);
    }

    [HttpGet]
    public async Task<ApiKeyListDto> List(Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new ListApiKeysQuery(id), cancellationToken);

    /// <summary>Revokes the key at once; answers the key with its revoked_at (again, unchanged, when already revoked).</summary>
    [HttpDelete("{keyId:guid}")]
    public async Task<ApiKeyDto> Revoke(Guid id, Guid keyId, CancellationToken cancellationToken) =>
        await mediator.Send(new RevokeApiKeyCommand(id, keyId), cancellationToken);
}
