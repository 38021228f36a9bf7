using Mediator;
using Slotflow.Application.Common;
using Slotflow.Domain.Common;
using Slotflow.Domain.Organizations;

namespace Slotflow.Application.Organizations.RevokeApiKey;

/// <summary>
/// DELETE /admin/v1/organizations/{id}/api-keys/{key_id}: the key authenticates nothing from now on on this instance,
/// and on every other within <c>ApiKeyCache.MaxAge</c> (5 s; authentication trusts a key it read that long).
/// Revoking a revoked key answers the key again, unchanged.
/// </summary>
public sealed record RevokeApiKeyCommand(Guid OrganizationId, Guid ApiKeyId) : ICommand<ApiKeyDto>;

public sealed class RevokeApiKeyCommandHandler(IOrganizationRepository organizations, IUnitOfWork unitOfWork, IApiKeyCache keys, TimeProvider clock)
    : ICommandHandler<RevokeApiKeyCommand, ApiKeyDto>
{
    // revoked_at is a concurrency token: of two racing revokes, the later one finds the key revoked on the second
    // look and answers the first revocation time, the one kept.
    public async ValueTask<ApiKeyDto> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var organization = await organizations.FindWithApiKeysAsync(command.OrganizationId, cancellationToken)
            ?? throw DomainException.NotFound("Organization");
        var key = organization.RevokeApiKey(command.ApiKeyId, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        keys.Forget(key.Id);
        return key.ToDto();
    }
}
