using Slotflow.Domain.Common;

namespace Slotflow.Infrastructure.Persistence;

/// <summary>
/// The request's context as its unit of work, under a registration of its own that is not the context: a scope disposes
/// every instance its registrations return, and a pooled context disposed twice could be handed back to the pool a
/// second time while another request already held it (a 500 under concurrent writes).
/// </summary>
internal sealed class RequestUnitOfWork(SlotflowDbContext context) : IUnitOfWork
{
    private IUnitOfWork Context => context;

    public Task SaveChangesAsync(CancellationToken cancellationToken) => Context.SaveChangesAsync(cancellationToken);

    public Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken) =>
        Context.InTransactionAsync(work, cancellationToken);

    public void DiscardChanges() => Context.DiscardChanges();
}
