namespace Slotflow.Domain.Holds;

public interface IHoldRepository
{
    void Add(Hold hold);

    /// <summary>A hold of the organization, tracked for changes.</summary>
    Task<Hold?> FindAsync(Guid organizationId, Guid holdId, CancellationToken cancellationToken);

    /// <summary>The same lookup, untracked.</summary>
    Task<Hold?> ReadAsync(Guid organizationId, Guid holdId, CancellationToken cancellationToken);

    /// <summary>How many holds of the human still occupy their time at <paramref name="now"/>.</summary>
    Task<int> CountActiveAsync(Guid humanId, DateTimeOffset now, CancellationToken cancellationToken);
}
