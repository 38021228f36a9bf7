namespace Slotflow.Domain.Organizations;

public interface IOrganizationRepository
{
    /// <summary>The organization, tracked for changes.</summary>
    Task<Organization?> FindAsync(Guid organizationId, CancellationToken cancellationToken);

    /// <summary>The organization, untracked: for reading its plan.</summary>
    Task<Organization?> ReadAsync(Guid organizationId, CancellationToken cancellationToken);

    void Add(Organization organization);
}
