using Slotflow.Domain.Common;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Application.Common;

/// <summary>
/// The transaction of a command that takes time on a calendar (a booking, a hold, a reschedule): a save that loses a
/// race is decided once more from fresh reads, and a second loss is answered SLOT_UNAVAILABLE (no retry storms). The
/// loss is thrown inside the handler, so it is explained like any other refused interval, with alternatives (§11.3).
/// </summary>
public static class BoundedRedecision
{
    /// <summary>The first decision and the one re-decision a lost race gets.</summary>
    public const int MaxDecisions = 2;

    public static async Task<T> DecideAtMostTwiceAsync<T>(this IUnitOfWork unitOfWork, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        for (var decision = 1; ; decision++)
        {
            try
            {
                return await unitOfWork.InTransactionAsync(work, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                unitOfWork.DiscardChanges();
                if (decision >= MaxDecisions)
                {
                    throw new DomainException(ErrorCode.SlotUnavailable, RefusalMessages.For(ErrorCode.SlotUnavailable));
                }
            }
        }
    }
}
