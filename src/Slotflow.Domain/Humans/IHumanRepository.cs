namespace Slotflow.Domain.Humans;

public interface IHumanRepository
{
    /// <summary>An active human of the organization, tracked for changes; null if missing, deleted or another organization's.</summary>
    Task<Human?> FindActiveAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken);

    /// <summary>The same lookup, untracked: for queries that only read.</summary>
    Task<Human?> ReadActiveAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken);

    /// <summary>A human of the organization, active or not, tracked for changes (its bookings outlive it).</summary>
    Task<Human?> FindAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken);

    /// <summary>An active human with its overrides, tracked for changes.</summary>
    Task<Human?> FindActiveWithOverridesAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken);

    /// <summary>An active human with its overrides, for reading only (one round trip).</summary>
    Task<Human?> ReadActiveWithOverridesAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken);

    /// <summary>
    /// An active human, tracked, with only the overrides that may occur on first..last
    /// (<see cref="ScheduleOverride.MayOccurBetween"/>): enough for the engine on those dates, not for editing overrides.
    /// </summary>
    Task<Human?> FindActiveWithOverridesBetweenAsync(Guid organizationId, Guid humanId, DateOnly first, DateOnly last, CancellationToken cancellationToken);

    /// <summary>The same, for reading only (one round trip).</summary>
    Task<Human?> ReadActiveWithOverridesBetweenAsync(Guid organizationId, Guid humanId, DateOnly first, DateOnly last, CancellationToken cancellationToken);

    /// <summary>How many schedule overrides the human has, without loading them.</summary>
    Task<int> CountOverridesAsync(Guid humanId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Human>> ListActiveAsync(Guid organizationId, CancellationToken cancellationToken);

    Task<int> CountActiveAsync(Guid organizationId, CancellationToken cancellationToken);

    void Add(Human human);
}
