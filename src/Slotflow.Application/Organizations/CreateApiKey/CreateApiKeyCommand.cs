using Mediator;
using Slotflow.Application.Common;
using Slotflow.Domain.Common;
using Slotflow.Domain.Organizations;

namespace Slotflow.Application.Organizations.CreateApiKey;

/// <summary>POST /admin/v1/organizations/{id}/api-keys: issues one more key for the organization.</summary>
public sealed record CreateApiKeyCommand(Guid OrganizationId, string Name) : ICommand<CreatedApiKeyDto>;

public sealed class CreateApiKeyCommandHandler(IOrganizationRepository organizations, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<CreateApiKeyCommand, CreatedApiKeyDto>
{
    public async ValueTask<CreatedApiKeyDto> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var organization = await organizations.FindWithApiKeysAsync(command.OrganizationId, cancellationToken)
            ?? throw DomainException.NotFound("Organization");
        var plaintext = organization.IssueApiKey(command.Name, clock.GetUtcNow());
        var hash = ApiKeySecret.Hash(plaintext);
        var key = organization.ApiKeys.Single(k => k.Hash == hash);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new CreatedApiKeyDto(key.Id, key.Name, key.Prefix, key.CreatedAt, key.LastUsedAt, key.RevokedAt, plaintext);
    }
}
