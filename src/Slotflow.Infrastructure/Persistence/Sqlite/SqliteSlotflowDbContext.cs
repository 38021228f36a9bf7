using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Infrastructure.Persistence.Sqlite;

// In the base context's namespace: the checked-in SQLite migrations name it there.
namespace Slotflow.Infrastructure.Persistence;

/// <summary>
/// The context on SQLite, with SQLite's write engine: while leased it works on an open connection of its own that
/// keeps its statements prepared (<see cref="SqliteConnectionPool"/>); its units of work join the group commit
/// (<see cref="SqliteGroupCommit"/>); a write outside a unit queues at the one writer's gate (<see cref="SqliteWriteGate"/>).
/// </summary>
public sealed class SqliteSlotflowDbContext(DbContextOptions<SqliteSlotflowDbContext> options) : SlotflowDbContext(options)
{
    private SqliteGroupCommit? _groupCommit;
    private SqliteConnectionPool? _connectionPool;

    internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>The open connection the context works on while leased; it goes back to its pool with the context.</summary>
    internal StatementCachingSqliteConnection? LeasedConnection { get; private set; }

    internal override void Leased(IServiceProvider services)
    {
        base.Leased(services);
        _groupCommit = services.GetRequiredService<SqliteGroupCommit>();
        LeaseConnection(services.GetRequiredService<SqliteConnectionPool>());
    }

    protected override void Returning()
    {
        base.Returning();
        _groupCommit = null;
        ReturnConnection();
    }

    protected override Task<T> RunUnitAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken) =>
        (_groupCommit ?? throw new InvalidOperationException("SQLite transactions need the group commit; lease the context from the service provider."))
            .RunAsync(this, work, cancellationToken);

    internal override async Task<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) =>
        await SqliteWriteGate.EnterAsync(Database.GetConnectionString()!, cancellationToken);

    // SQLite migrates without a server to ask first.
    internal override Task BeforeMigrateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // WAL lets readers proceed while one writer commits; the setting is stored in the database file.
    internal override Task ApplyDatabaseSettingsAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

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

    // SQLite cannot compare or order DateTimeOffset in SQL; UTC ticks in an integer column can.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        instant => instant.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
