using Microsoft.EntityFrameworkCore;

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
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString, o => o.EnableRetryOnFailure()).AddInterceptors(HumanRowLock.Postgres),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.EnableRetryOnFailure()).AddInterceptors(HumanRowLock.SqlServer),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
        return builder;
    }
}
