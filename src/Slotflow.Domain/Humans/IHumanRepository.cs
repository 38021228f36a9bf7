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
    /// An active human, tracked, with its overrides as of the <see cref="Human.OverridesVersion"/> its row shows, in one
    /// round trip: a copy is kept per human while that version stands, so a long history is not read per request.
    /// The calendar's overrides are for the engine; the human's own <see cref="Human.Overrides"/> may be left empty.
    /// In a transaction the human stays locked until it ends, so that writers of one human's bookings queue.
    /// </summary>
    Task<HumanCalendar?> FindActiveCalendarAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken);

    /// <summary>The same, for reading only.</summary>
    Task<HumanCalendar?> ReadActiveCalendarAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken);

    /// <summary>How many schedule overrides the human has, without loading them.</summary>
    Task<int> CountOverridesAsync(Guid humanId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Human>> ListActiveAsync(Guid organizationId, CancellationToken cancellationToken);

    Task<int> CountActiveAsync(Guid organizationId, CancellationToken cancellationToken);

    void Add(Human human);
}
