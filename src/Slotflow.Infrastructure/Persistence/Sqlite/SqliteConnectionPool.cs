using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace Slotflow.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Open SQLite connections kept between requests with their prepared statements (see
/// <see cref="StatementCachingSqliteConnection"/>). A leased context works on one (see SlotflowDbContext); EF Core
/// would close a connection of its own every time the context went back to its pool, and the statements with it.
/// </summary>
internal sealed class SqliteConnectionPool(IConfiguration configuration) : IDisposable
{
    /// <summary>Idle connections kept; more than this many requests at once open connections that are closed after.</summary>
    public const int MaxIdle = 64;

    // The folder is made before the first connection opens (leasing a context opens one), so a fresh clone runs without set-up.
    private readonly string _connectionString = SqliteDatabaseFolder.Ensure(DependencyInjection.ConnectionString(configuration));
    private readonly ConcurrentQueue<StatementCachingSqliteConnection> _idle = new();
    private int _idleCount;
    private int _disposed; // 1 once disposed; written with a full fence, see Return

    public StatementCachingSqliteConnection Rent()
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        if (_idle.TryDequeue(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            return connection;
        }

        connection = new StatementCachingSqliteConnection(_connectionString);
        try
        {
            connection.Open();
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return connection;
    }

    /// <summary>Keeps the connection for the next request if nothing is left running on it; otherwise closes it.</summary>
    public void Return(StatementCachingSqliteConnection connection)
    {
        if (!Disposed && IsIdle(connection))
        {
            if (Interlocked.Increment(ref _idleCount) <= MaxIdle)
            {
                _idle.Enqueue(connection);
                // Enqueue and Dispose's exchange are both full fences, so either Dispose's drain sees this connection
                // or this sees the pool disposed.
                if (Disposed)
                {
                    Drain();
                }

                return;
            }

            Interlocked.Decrement(ref _idleCount);
        }

        connection.Dispose();
    }

    private static bool IsIdle(StatementCachingSqliteConnection connection)
    {
        try
        {
            return connection.IsIdle();
        }
        catch (Exception)
        {
            return false; // closed instead: only a connection known to be idle is handed on
        }
    }

    private bool Disposed => Volatile.Read(ref _disposed) != 0;

    public void Dispose()
    {
        Interlocked.Exchange(ref _disposed, 1);
        Drain();
    }

    private void Drain()
    {
        while (_idle.TryDequeue(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            connection.Dispose();
        }
    }
}
