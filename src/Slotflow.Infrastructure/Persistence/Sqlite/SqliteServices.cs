using Microsoft.Extensions.DependencyInjection;

namespace Slotflow.Infrastructure.Persistence.Sqlite;

internal static class SqliteServices
{
    /// <summary>What an SQLite context takes when leased: the connections it works on and the group commit its units join.</summary>
    public static IServiceCollection AddSqliteWriteEngine(this IServiceCollection services) =>
        services.AddSingleton<SqliteGroupCommit>().AddSingleton<SqliteConnectionPool>();
}
