using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Mediator;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Organizations;
using Slotflow.Domain.Webhooks;
using Slotflow.Infrastructure.Idempotency;

namespace Slotflow.Infrastructure.Persistence;

/// <summary>
/// The one model, for every provider. Each provider has a derived context (Providers/) only so that its migrations
/// form their own set; nothing else differs by type.
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

    /// <summary>Where SQLite transactions run (set with the publisher); null on the other providers.</summary>
    internal SqliteGroupCommit? GroupCommit { get; set; }

    /// <summary>SQLite: the open connection the context works on while leased; it goes back to its pool with the context.</summary>
    internal StatementCachingSqliteConnection? LeasedConnection { get; private set; }

    private SqliteConnectionPool? _connectionPool;

    /// <summary>Which provider this context is: known by its type, where EF Core's IsSqlite() and the like read the provider's assembly name on each call.</summary>
    internal abstract DatabaseProvider Provider { get; }

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Human> Humans => Set<Human>();

    public DbSet<Booking> Bookings => Set<Booking>();

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
            using var gate = Database.CurrentTransaction is null ? await EnterWriteGateAsync(cancellationToken) : null;
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
    /// On SQLite the work joins the next group commit (see <see cref="SqliteGroupCommit"/>). On the servers it runs
    /// under the provider's execution strategy, so a transient fault (dropped connection, deadlock, serialization
    /// failure) runs the whole unit again from fresh reads. When the request carries an Idempotency-Key, the value the
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

    private async Task<T> RunInTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        // A save that fails in a unit of work fails the whole unit, which is rolled back and decided again from fresh
        // reads, so EF Core's savepoint around each save would only cost two round trips.
        Database.AutoSavepointsEnabled = false;
        if (Provider == DatabaseProvider.Sqlite)
        {
            var groupCommit = GroupCommit ?? throw new InvalidOperationException("SQLite transactions need the group commit; lease the context from the service provider.");
            return await groupCommit.RunAsync(this, work, cancellationToken);
        }

        // The strategy is the one loop for transient faults on the servers (it runs the unit again from fresh reads);
        // a lost race leaves as a ConcurrencyConflictException, which it does not retry, for the mediator's one loop
        // for conflicts (ConflictRetryBehavior). A fault that outlasts the strategy is not turned into a conflict, so
        // the two loops never multiply.
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

    private async Task<IDisposable?> EnterWriteGateAsync(CancellationToken cancellationToken) =>
        Provider == DatabaseProvider.Sqlite ? await SqliteWriteGate.EnterAsync(Database.GetConnectionString()!, cancellationToken) : null;

    void IUnitOfWork.DiscardChanges() => ChangeTracker.Clear();

    internal void LeaseConnection(SqliteConnectionPool pool)
    {
        var connection = pool.Rent();
        _connectionPool = pool;
        LeasedConnection = connection;
        Database.SetDbConnection(connection, contextOwnsConnection: false);
    }

    private void ReturnConnection()
    {
        if (LeasedConnection is not { } connection)
        {
            return;
        }

        LeasedConnection = null;
        try
        {
            // Back to the connection string it was built with, as the next context from the factory expects.
            Database.SetDbConnection(null, contextOwnsConnection: true);
            Database.SetConnectionString(connection.ConnectionString);
        }
        finally
        {
            _connectionPool!.Return(connection);
            _connectionPool = null;
        }
    }

    // Going back to the pool: let go of the request's publisher (and with it the request's scope) and connection.
    public override void Dispose()
    {
        Publisher = null;
        IdempotentAnswer = null;
        GroupCommit = null;
        try
        {
            ReturnConnection();
        }
        finally
        {
            base.Dispose();
            GC.SuppressFinalize(this);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        Publisher = null;
        IdempotentAnswer = null;
        GroupCommit = null;
        try
        {
            ReturnConnection();
        }
        finally
        {
            GC.SuppressFinalize(this);
            await base.DisposeAsync();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SlotflowDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset in SQL; UTC ticks in an integer column can.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        instant => instant.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
