using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Mediator;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;
using Slotflow.Domain.Holds;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Organizations;
using Slotflow.Domain.Webhooks;
using Slotflow.Infrastructure.Idempotency;

namespace Slotflow.Infrastructure.Persistence;

/// <summary>
/// The one model, for every provider. Each provider has a derived context, so that its migrations form their own set;
/// SQLite's also runs its own write engine (Sqlite/SqliteSlotflowDbContext) through the hooks below.
/// </summary>
public abstract class SlotflowDbContext(DbContextOptions options) : DbContext(options), IUnitOfWork
{
    /// <summary>
    /// Where domain events go: the request's publisher, set each time the pooled context is leased (a pooled context
    /// outlives the request scope, so it cannot take the publisher in its constructor).
    /// </summary>
    internal IPublisher? Publisher { get; set; }

    /// <summary>The request's Idempotency-Key answer, written by <see cref="IUnitOfWork.InTransactionAsync{T}"/> (set with the publisher).</summary>
    internal PendingIdempotentAnswer? IdempotentAnswer { get; set; }

    /// <summary>Which provider this context is: known by its type, where EF Core's IsNpgsql() and the like read the provider's assembly name on each call.</summary>
    internal abstract DatabaseProvider Provider { get; }

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Human> Humans => Set<Human>();

    public DbSet<Booking> Bookings => Set<Booking>();

    public DbSet<Hold> Holds => Set<Hold>();

    public DbSet<MonthlyUsage> MonthlyUsage => Set<MonthlyUsage>();

    public DbSet<OverageCharge> OverageCharges => Set<OverageCharge>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<Webhook> Webhooks => Set<Webhook>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    /// <summary>Publishes the domain events of tracked aggregates first, so what their handlers add commits with them.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var aggregates = ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).Where(a => a.DomainEvents.Count > 0).ToList();
        foreach (var aggregate in aggregates)
        {
            var publisher = Publisher ?? throw new InvalidOperationException("Domain events need a publisher; lease the context from the service provider.");
            var events = aggregate.DomainEvents.ToList();
            aggregate.ClearDomainEvents();
            foreach (var domainEvent in events)
            {
                await publisher.Publish(domainEvent, cancellationToken);
            }
        }

        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    async Task IUnitOfWork.SaveChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var gate = Database.CurrentTransaction is null ? await EnterWriteAsync(cancellationToken) : null;
            await SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            throw new ConcurrencyConflictException(conflict);
        }
        catch (DbUpdateException write) when (
            OverlapBackstop.IsViolation(write) || TransientFault.IsTransient(write) || TransientFault.IsForeignKeyViolation(write)
            || TransientFault.IsUniqueViolation(write))
        {
            throw new ConcurrencyConflictException(write);
        }
    }

    /// <remarks>
    /// The unit runs where the provider runs transactions (<see cref="RunUnitAsync"/>). When the request carries an Idempotency-Key, the value the
    /// work returns is its command's answer: it is stored in the same transaction (see <see cref="PendingIdempotentAnswer"/>).
    /// </remarks>
    async Task<T> IUnitOfWork.InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("A unit of work is already in a transaction.");
        }

        if (IdempotentAnswer is not { IsAwaited: true } answer)
        {
            return await RunInTransactionAsync(work, cancellationToken);
        }

        (int Status, string Body)? written = null;
        var result = await RunInTransactionAsync(
            async () =>
            {
                written = null; // an attempt the execution strategy runs again writes it again
                var value = await work();
                written = await answer.WriteAsync(this, value, cancellationToken);
                return value;
            },
            cancellationToken);
        if (written is { } committed)
        {
            answer.Committed(committed);
        }

        return result;
    }

    private Task<T> RunInTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        // A save that fails in a unit of work fails the whole unit, which is rolled back and decided again from fresh
        // reads, so EF Core's savepoint around each save would only cost two round trips.
        Database.AutoSavepointsEnabled = false;
        return RunUnitAsync(work, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction. On the servers under the provider's execution strategy, the
    /// one loop for transient faults (it runs the unit again from fresh reads); a lost race leaves as a
    /// ConcurrencyConflictException, which it does not retry, for the mediator's one loop for conflicts
    /// (ConflictRetryBehavior). A fault that outlasts the strategy is not turned into a conflict, so the two loops
    /// never multiply.
    /// </summary>
    protected virtual async Task<T> RunUnitAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var attempt = 0;
        return await Database.CreateExecutionStrategy().ExecuteAsync(
            async ct =>
            {
                if (attempt++ > 0)
                {
                    ChangeTracker.Clear();
                }

                await using var transaction = await Database.BeginTransactionAsync(ct);
                var result = await work();
                await transaction.CommitAsync(ct);
                return result;
            },
            cancellationToken);
    }

    /// <summary>What a write outside a unit of work holds while it writes; nothing where the database queues writers itself.</summary>
    internal virtual Task<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) => Task.FromResult<IDisposable?>(null);

    /// <summary>Before migrating: a server's first migration otherwise logs its failed read of the missing history table as an error.</summary>
    internal virtual async Task BeforeMigrateAsync(CancellationToken cancellationToken)
    {
        if (await Database.CanConnectAsync(cancellationToken))
        {
            await this.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }
    }

    /// <summary>Settings a provider keeps in the database itself, applied at every start.</summary>
    internal virtual Task ApplyDatabaseSettingsAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Each time the pooled context is leased to a request's scope: the request's publisher and Idempotency-Key answer.</summary>
    internal virtual void Leased(IServiceProvider services)
    {
        Publisher = services.GetRequiredService<IPublisher>();
        IdempotentAnswer = services.GetRequiredService<PendingIdempotentAnswer>();
    }

    /// <summary>Going back to the pool: let go of the request's publisher (and with it the request's scope).</summary>
    protected virtual void Returning()
    {
        Publisher = null;
        IdempotentAnswer = null;
    }

    void IUnitOfWork.DiscardChanges() => ChangeTracker.Clear();

    public override void Dispose()
    {
        try
        {
            Returning();
        }
        finally
        {
            base.Dispose();
            GC.SuppressFinalize(this);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            Returning();
        }
        finally
        {
            GC.SuppressFinalize(this);
            await base.DisposeAsync();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SlotflowDbContext).Assembly);
}
