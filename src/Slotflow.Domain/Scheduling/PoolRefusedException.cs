using Slotflow.Domain.Common;

namespace Slotflow.Domain.Scheduling;

/// <summary>Why one candidate of a first-available booking was not booked (spec §12).</summary>
public sealed record CandidateRefusal(Guid HumanId, DateTimeOffset StartsAt, ErrorCode Code);

/// <summary>
/// The refusal of a booking across several humans (spec §12): the refusal that answers it (for a pool, its first
/// human's), the pool's nearest bookable slots with who is free for each, the time in the way for SLOT_UNAVAILABLE,
/// and for a first-available booking each candidate's own code.
/// </summary>
public sealed class PoolRefusedException(
    ErrorCode code, string message, IReadOnlyList<PooledSlot> alternatives, TakenTime? conflict, IReadOnlyList<CandidateRefusal>? candidates = null)
    : DomainException(code, message)
{
    public IReadOnlyList<PooledSlot> Alternatives { get; } = alternatives;

    public TakenTime? Conflict { get; } = conflict;

    public IReadOnlyList<CandidateRefusal>? Candidates { get; } = candidates;
}
