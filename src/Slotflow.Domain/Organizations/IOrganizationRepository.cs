namespace Slotflow.Domain.Organizations;

public interface IOrganizationRepository
{
    /// <summary>The organization, tracked for changes.</summary>
    Task<Organization?> FindAsync(Guid organizationId, CancellationToken cancellationToken);

    /// <summary>The organization with all its API keys, tracked for changes.</summary>
    Task<Organization?> FindWithApiKeysAsync(Guid organizationId, CancellationToken cancellationToken);

    /// <summary>The organization, untracked: for reading its plan.</summary>
    Task<Organization?> ReadAsync(Guid organizationId, CancellationToken cancellationToken);

    /// <summary>The organization with all its API keys, untracked.</summary>
    Task<Organization?> ReadWithApiKeysAsync(Guid organizationId, CancellationToken cancellationToken);

    /// <summary>A page of organizations, oldest first, and how many there are in all.</summary>
    Task<(IReadOnlyList<Organization> Page, int Total)> ListAsync(int limit, int offset, CancellationToken cancellationToken);

    /// <summary>The organization's bookings in one UTC month (yyyyMM) and what packs added to its allowance, over all rows.</summary>
    Task<(int Bookings, int ExtraAllowance)> ReadUsageAsync(Guid organizationId, int month, CancellationToken cancellationToken);

    /// <summary>The organization's charges ledger, oldest first.</summary>
    Task<IReadOnlyList<OverageCharge>> ListChargesAsync(Guid organizationId, CancellationToken cancellationToken);

    void Add(Organization organization);
}
