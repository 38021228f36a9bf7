using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Slotflow.Infrastructure.Persistence;

// One derived context per provider, so that each has its own checked-in migration set (Migrations/<Provider>);
// SQLite's is in Sqlite/ with its write engine.

public sealed class PostgresSlotflowDbContext(DbContextOptions<PostgresSlotflowDbContext> options) : SlotflowDbContext(options)
{
    internal override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class SqlServerSlotflowDbContext(DbContextOptions<SqlServerSlotflowDbContext> options) : SlotflowDbContext(options)
{
    internal override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

/// <summary>
/// For <c>dotnet ef migrations add/script</c>: a context of each provider without a server or the web host. The
/// connection strings are placeholders; nothing connects.
/// </summary>
internal sealed class DesignTimeContexts :
    IDesignTimeDbContextFactory<SqliteSlotflowDbContext>,
    IDesignTimeDbContextFactory<PostgresSlotflowDbContext>,
    IDesignTimeDbContextFactory<SqlServerSlotflowDbContext>
{
    SqliteSlotflowDbContext IDesignTimeDbContextFactory<SqliteSlotflowDbContext>.CreateDbContext(string[] args) =>
        new(Options<SqliteSlotflowDbContext>(DatabaseProvider.Sqlite, "Data Source=design.db"));

    PostgresSlotflowDbContext IDesignTimeDbContextFactory<PostgresSlotflowDbContext>.CreateDbContext(string[] args) =>
        new(Options<PostgresSlotflowDbContext>(DatabaseProvider.Postgres, "Host=localhost"));

    SqlServerSlotflowDbContext IDesignTimeDbContextFactory<SqlServerSlotflowDbContext>.CreateDbContext(string[] args) =>
        new(Options<SqlServerSlotflowDbContext>(DatabaseProvider.SqlServer, "Server=localhost"));

    private static DbContextOptions<T> Options<T>(DatabaseProvider provider, string connectionString)
        where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        DatabaseOptions.Configure(builder, provider, connectionString);
        return builder.Options;
    }
}
