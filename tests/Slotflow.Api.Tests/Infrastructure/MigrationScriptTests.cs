using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Slotflow.Infrastructure.Persistence;

namespace Slotflow.Api.Tests;

/// <summary>
/// Each provider's checked-in migrations render as an idempotent script, as <c>dotnet ef migrations script
/// --idempotent</c> does, without a server: the only check SQL Server gets on this machine, and a guard that the
/// provider's backstop against overlapping bookings is in its set.
/// </summary>
public sealed class MigrationScriptTests
{
    [Test]
    public void SqlServer_RendersAnIdempotentScript_WithTheOverlapTrigger()
    {
        using var db = new SqlServerSlotflowDbContext(
            new DbContextOptionsBuilder<SqlServerSlotflowDbContext>().UseSqlServer("Server=localhost").Options);

        var script = Render(db);

        Assert.Multiple(() =>
        {
            Assert.That(script, Does.Contain("CREATE TABLE [bookings]"));
            Assert.That(script, Does.Contain("CREATE TABLE [webhook_deliveries]"));
            Assert.That(script, Does.Contain("EXEC(N'CREATE TRIGGER bookings_no_overlap ON bookings AFTER INSERT, UPDATE"));
            Assert.That(script, Does.Contain("IF NOT EXISTS"));
            Assert.That(script, Does.Not.Contain("RAISE(ABORT"), "no SQLite trigger in SQL Server's set");
        });
    }

    [Test]
    public void Postgres_RendersAnIdempotentScript_WithTheExclusionConstraint()
    {
        using var db = new PostgresSlotflowDbContext(
            new DbContextOptionsBuilder<PostgresSlotflowDbContext>().UseNpgsql("Host=localhost").Options);

        var script = Render(db);

        Assert.Multiple(() =>
        {
            Assert.That(script, Does.Contain("CREATE EXTENSION IF NOT EXISTS btree_gist"));
            Assert.That(script, Does.Contain("""EXCLUDE USING gist ("HumanId" WITH =, tstzrange("StartsAt", "EndsAt", '[)') WITH &&)"""));
            Assert.That(script, Does.Not.Contain("RAISE(ABORT"));
        });
    }

    [Test]
    public void Sqlite_KeepsItsTrigger()
    {
        using var db = new SqliteSlotflowDbContext(
            new DbContextOptionsBuilder<SqliteSlotflowDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.That(db.GetService<IMigrator>().GenerateScript(), Does.Contain("RAISE(ABORT, 'SLOTFLOW_BOOKING_OVERLAP')"));
    }

    private static string Render(DbContext db) =>
        db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
}
