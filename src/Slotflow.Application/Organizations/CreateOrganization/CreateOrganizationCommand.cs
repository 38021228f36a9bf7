using Mediator;
using Slotflow.Application.Common;
using Slotflow.Domain.Common;
using Slotflow.Domain.Organizations;

namespace Slotflow.Application.Organizations.CreateOrganization;

/// <summary>Creates a customer organization with its first API key.</summary>
public sealed record CreateOrganizationCommand(string Name, Plan Plan, bool AutoPurchase) : ICommand<CreatedOrganizationDto>;

/// <summary>The new organization and its first key's plaintext, which is shown this once and never again.</summary>
public sealed record CreatedOrganizationDto(Guid Id, string Name, string Plan, bool AutoPurchase, DateTimeOffset CreatedAt, string ApiKey);

public sealed class CreateOrganizationCommandHandler(IOrganizationRepository organizations, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<CreateOrganizationCommand, CreatedOrganizationDto>
{
    public const string FirstKeyName = "default";

    // Nothing else writes a new organization, but a transient fault that outlasts the provider's retries is still
    // answered by trying again rather than by a 500.
    public async ValueTask<CreatedOrganizationDto> Handle(CreateOrganizationCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var organization = Organization.Create(command.Name, command.Plan, command.AutoPurchase, now);
        var apiKey = organization.IssueApiKey(FirstKeyName, now);
        organizations.Add(organization);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new CreatedOrganizationDto(
            organization.Id, organization.Name, PlanNames.ToName(command.Plan), organization.AutoPurchase, organization.CreatedAt, apiKey);
    }
}
