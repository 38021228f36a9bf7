using Slotflow.Domain.Scheduling;

namespace Slotflow.Domain.Humans;

public interface IHumanRepository
{
    /// <summary>An active human of the organization, tracked for changes; null if missing, deleted or another organization's.</summary>
    Task<Human?> FindActiveAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken);

    /// <summary>The same lookup, untracked: for queries that only read.</summary>
    Task<Human?> ReadActiveAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken);

    /// <summary>Those of these humans that are the organization's and active, untracked, in no particular order.</summary>
    Task<List<Human>> ReadActiveAsync(Guid organizationId, IReadOnlyCollection<Guid> humanIds, CancellationToken cancellationToken);

    /// <summary>A human of the organization, active or not, tracked for changes (its bookings outlive it).</summary>
    Task<Human?> FindAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken);

    /// <summary>An active human with its overrides, tracked for changes.</summary>
    Task<Human?> FindActiveWithOverridesAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken);

    /// <summary>An active human with its overrides, for reading only (one round trip).</summary>
    Task<Human?> ReadActiveWithOverridesAsync(Guid organizationId, Guid humanId, CancellationToken cancellationToken);

    /// <summary>
    /// The booking's read, in one round trip: an active human, tracked, with its overrides as of the
    /// <see cref="Human.OverridesVersion"/> its row shows (a copy is kept per human while that version stands, so a
    /// long history is not read per request; the human's own <see cref="Human.Overrides"/> may be left empty), and its
    /// confirmed bookings in <paramref name="span"/> (its near part, or its wide part for a human with daily or weekly limits) with its holds near it that are unexpired at <paramref name="now"/>. The human stays locked until the transaction ends, so
    /// that writers of one human's bookings queue, and what is returned is what the writer before committed.
    /// </summary>
    Task<HumanSchedule?> LockScheduleAsync(Guid organizationId, Guid humanId, ScheduleSpan span, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// For queries that only read: an active human's calendar, untracked (possibly a copy kept at the human's
    /// <see cref="Human.Version"/>), and its confirmed bookings in <paramref name="span"/> (its near part, or its wide part for a human with daily or weekly limits) with its holds near it that are unexpired at <paramref name="now"/>.
    /// </summary>
    Task<HumanSchedule?> ReadScheduleAsync(Guid organizationId, Guid humanId, ScheduleSpan span, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="ReadScheduleAsync"/> for several distinct humans at once, in the order given, or null if any is not an
    /// active human of the organization: their versions in one statement and all their bookings in another, then a
    /// calendar only for a human not kept at its version, and holds only for one that may have unexpired ones.
    /// </summary>
    Task<List<HumanSchedule>?> ReadSchedulesAsync(Guid organizationId, IReadOnlyList<Guid> humanIds, ScheduleSpan span, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// For a human without daily or weekly limits, whose engine needs only the union of its blocked time: the time
    /// taken near <paramref name="span"/> as runs (each run of bookings whose blocked windows touch is one item, so a
    /// crowded month is a few items), with its holds near it that are unexpired at <paramref name="now"/>, and without
    /// <paramref name="except"/> (a booking being moved).
    /// </summary>
    Task<List<TakenTime>> ReadTakenRunsAsync(Human human, ScheduleSpan span, DateTimeOffset now, TakenTime? except, CancellationToken cancellationToken);

    /// <summary>How many schedule overrides the human has, without loading them.</summary>
    Task<int> CountOverridesAsync(Guid humanId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Human>> ListActiveAsync(Guid organizationId, CancellationToken cancellationToken);

    Task<int> CountActiveAsync(Guid organizationId, CancellationToken cancellationToken);

    void Add(Human human);
}
