using Slotflow.Domain.Common;

namespace Slotflow.Application.Common;

/// <summary>
/// Runs a decide-and-save step again from fresh reads when another request changed the same aggregate first,
/// so a lost race is answered by the rules (402, 409, …) rather than by an error.
/// </summary>
public static class ConcurrencyRetry
{
    /// <summary>Each conflict means another request committed, so attempts are bounded by the writers racing; this is a backstop.</summary>
    public const int MaxAttempts = 50;

    /// <summary>Runs <paramref name="decideAndSave"/> up to <paramref name="maxAttempts"/> times; the last conflict is thrown.</summary>
    public static async Task<T> RunAsync<T>(IUnitOfWork unitOfWork, Func<Task<T>> decideAndSave, int maxAttempts = MaxAttempts)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await decideAndSave();
            }
            catch (ConcurrencyConflictException) when (attempt < maxAttempts)
            {
                unitOfWork.DiscardChanges();
            }
        }
    }
}
