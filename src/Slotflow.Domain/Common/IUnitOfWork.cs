namespace Slotflow.Domain.Common;

/// <summary>Commits every change tracked in the current request in one transaction.</summary>
public interface IUnitOfWork
{
    /// <exception cref="ConcurrencyConflictException">a concurrency token no longer matched.</exception>
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Forgets every tracked change, so a conflicting command can be decided again from fresh reads.</summary>
    void DiscardChanges();
}
