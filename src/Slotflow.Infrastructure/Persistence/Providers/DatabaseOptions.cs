using Microsoft.EntityFrameworkCore;
using Npgsql;
using Slotflow.Infrastructure.Persistence.Sqlite;

namespace Slotflow.Infrastructure.Persistence;

/// <summary>The provider's EF Core options: one place for the retry policy of each server.</summary>
internal static class DatabaseOptions
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        _ = provider switch
        {
            // Leased contexts work on pooled connections that keep their queries prepared (SqliteConnectionPool).
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString).AddInterceptors(SqliteStatementReuse.Instance),
            // Transient faults (dropped connections, deadlocks, serialization failures) are retried by EF Core's
            // execution strategy; IUnitOfWork runs each transaction inside it.
            DatabaseProvider.Postgres => builder.UseNpgsql(Prepared(connectionString), o => o.EnableRetryOnFailure()).AddInterceptors(HumanRowLock.Postgres),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.EnableRetryOnFailure()).AddInterceptors(HumanRowLock.SqlServer),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
        return builder;
    }

    /// <summary>
    /// The service sends the same few statements over and over: Npgsql prepares each after its second use on a
    /// connection, so PostgreSQL parses and plans it once per connection, not per request (unless the operator's
    /// connection string says otherwise). And a connection going back to Npgsql's pool is not reset: the service
    /// sets no session state (its advisory locks end with their transactions), and the reset is four statements
    /// PostgreSQL runs at every open, which EF Core does per query outside a transaction.
    /// </summary>
    private static string Prepared(string connectionString)
    {
        var options = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            options.MaxAutoPrepare = 64;
            options.AutoPrepareMinUsages = 2;
        }

        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            options.NoResetOnClose = true;
        }

        return options.ConnectionString;
    }
}
