using Microsoft.Data.Sqlite;
using Slotflow.Infrastructure.Persistence;

namespace Slotflow.Api.Tests.Support;

/// <summary>
/// A throwaway database for services under test: a SQLite file, or — in the PostgreSQL build of this suite
/// (Slotflow.Api.Tests.Postgres) — a fresh database on the run's PostgreSQL server.
/// </summary>
public sealed class TestDatabase : IDisposable
{
#if SLOTFLOW_POSTGRES
    public static DatabaseProvider Provider { get; } = DatabaseProvider.Postgres;
#else
    public static DatabaseProvider Provider { get; } = DatabaseProvider.Sqlite;
#endif

    private readonly string _name;

    private TestDatabase(string name, string connectionString)
    {
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <summary>The service's settings for this database.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Slotflow"] = ConnectionString,
    };

    public static TestDatabase Create()
    {
        var name = $"slotflow_test_{Guid.NewGuid():N}";
        return Provider == DatabaseProvider.Postgres
            ? new TestDatabase(name, PostgresServer.CreateDatabase(name))
            : new TestDatabase(name, $"Data Source={Path.Combine(Path.GetTempPath(), name + ".db")}");
    }

    public void Dispose()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            PostgresServer.DropDatabase(_name, ConnectionString);
            return;
        }

        SqliteConnection.ClearAllPools();
        var path = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}
