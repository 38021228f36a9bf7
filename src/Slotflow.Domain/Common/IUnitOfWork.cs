namespace Slotflow.Domain.Common;

/// <summary>Commits every change tracked in the current request in one transaction.</summary>
public interface IUnitOfWork
{
    /// <exception cref="ConcurrencyConflictException">
    /// a concurrency token no longer matched, or a row the write relies on (a referenced row, a unique key) was
    /// changed by another request meanwhile.
    /// </exception>
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one database transaction: committed if it returns, rolled back if it throws.</summary>
    Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Forgets every tracked change, so a conflicting command can be decided again from fresh reads.</summary>
    void DiscardChanges();
}
