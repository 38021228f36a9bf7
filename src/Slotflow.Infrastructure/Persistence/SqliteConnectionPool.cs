using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace Slotflow.Infrastructure.Persistence;

/// <summary>
/// Open SQLite connections kept between requests with their prepared statements (see
/// <see cref="StatementCachingSqliteConnection"/>). A leased context works on one (see SlotflowDbContext); EF Core
/// would close a connection of its own every time the context went back to its pool, and the statements with it.
/// </summary>
internal sealed class SqliteConnectionPool(IConfiguration configuration) : IDisposable
{
    /// <summary>Idle connections kept; more than this many requests at once open connections that are closed after.</summary>
    public const int MaxIdle = 64;

    private readonly string _connectionString = DependencyInjection.ConnectionString(configuration);
    private readonly ConcurrentQueue<StatementCachingSqliteConnection> _idle = new();
    private int _idleCount;
    private volatile bool _disposed;

    public StatementCachingSqliteConnection Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
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
        if (!_disposed && IsIdle(connection))
        {
            if (Interlocked.Increment(ref _idleCount) <= MaxIdle)
            {
                _idle.Enqueue(connection);
                if (!_disposed)
                {
                    return;
                }

                Drain(); // disposed meanwhile: nothing may stay open
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

    public void Dispose()
    {
        _disposed = true;
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
