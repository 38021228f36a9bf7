#if !SLOTFLOW_POSTGRES
using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;
using Slotflow.Infrastructure.Persistence;
using Slotflow.Infrastructure.Persistence.Sqlite;
using SQLitePCL;

namespace Slotflow.Api.Tests;

/// <summary>
/// SQLite connections kept open between requests with their queries prepared (SqliteConnectionPool,
/// StatementCachingSqliteConnection): a query runs again on its kept statement, never reads an old snapshot, and a
/// connection is only handed on when nothing is left running on it.
/// </summary>
public sealed class SqliteStatementReuseTests
{
    // No background worker rents connections, so the test's requests are the only ones.
    private static readonly Dictionary<string, string?> Settings = new() { ["Webhooks:WorkerEnabled"] = "false" };

    private const string AroundTheClock = """{"working_days":[1,2,3,4,5,6,7],"work_start":"00:00","work_end":"24:00","meeting_durations":[30]}""";

    [Test]
    public async Task ARepeatedQuery_RunsOnItsKeptCommand_AndSeesWhatWasWrittenInBetween()
    {
        var executed = new ExecutedCommands();
        using var factory = new SlotflowApiFactory(settings: Settings, configureServices: s => s.AddSingleton<IInterceptor>(executed));
        var organization = await factory.CreateOrganizationAsync();
        var human = await HumanSetup.CreateAsync(organization.Client, "UTC", AroundTheClock);
        var day = DateTime.UtcNow.Date.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var first = await SlotStartsAsync(organization.Client, human, day);
        var booked = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(
            $$"""{"human_id":"{{human}}","starts_at":"{{first[0]}}","duration":30,"attendee_name":"Ada"}"""));
        Assert.That(booked.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var second = await SlotStartsAsync(organization.Client, human, day);
        var third = await SlotStartsAsync(organization.Client, human, day);

        var repeats = executed.Runs.GroupBy(r => (r.Connection, r.Text)).Where(g => g.Count() > 1).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first.Skip(1)), "the booked half hour is gone at once");
            Assert.That(third, Is.EqualTo(second));
            // Three slot queries on at most two connections (the request's and the group commit's): some query ran
            // twice on one connection.
            Assert.That(repeats, Is.Not.Empty);
            foreach (var runs in repeats)
            {
                Assert.That(runs.Select(r => r.Command).Distinct().Count(), Is.EqualTo(1), $"one command for: {runs.Key.Text}");
            }
        });
    }

    [Test]
    public async Task AQueryRunAgainWhileItsReaderIsOpen_RunsOnANewCommand()
    {
        using var factory = new SlotflowApiFactory(settings: Settings);
        var organization = await factory.CreateOrganizationAsync();
        await HumanSetup.CreateAsync(organization.Client);
        await HumanSetup.CreateAsync(organization.Client);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SlotflowDbContext>();

        var inner = new List<int>();
        await foreach (var _ in Humans(db, organization.Id).AsAsyncEnumerable())
        {
            inner.Add((await Humans(db, organization.Id).ToListAsync()).Count);
        }

        Assert.That(inner, Is.EqualTo(new[] { 2, 2 }));
    }

    [Test]
    public async Task AConnectionLeftInsideAReadOrATransaction_IsClosed_NotHandedOn()
    {
        using var factory = new SlotflowApiFactory(settings: Settings);
        var pool = factory.Services.GetRequiredService<SqliteConnectionPool>();

        var reading = pool.Rent();
        using var read = reading.CreateCommand();
        read.CommandText = "SELECT 1 UNION ALL SELECT 2";
        var reader = read.ExecuteReader();
        reader.Read();
        pool.Return(reading);

        var writing = pool.Rent();
        writing.BeginTransaction();
        pool.Return(writing);

        var idle = pool.Rent();
        using (var done = idle.CreateCommand())
        {
            done.CommandText = "SELECT 1";
            done.ExecuteScalar();
        }

        pool.Return(idle);
        var next = pool.Rent();
        pool.Return(next);

        Assert.Multiple(() =>
        {
            Assert.That(reading.State, Is.EqualTo(ConnectionState.Closed));
            Assert.That(writing.State, Is.EqualTo(ConnectionState.Closed));
            Assert.That(next, Is.SameAs(idle), "an idle connection is kept");
        });
    }

    [Test]
    public async Task ClosingAConnection_FinalizesItsKeptStatements()
    {
        using var factory = new SlotflowApiFactory(settings: Settings);
        var organization = await factory.CreateOrganizationAsync();
        StatementCachingSqliteConnection connection;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SlotflowDbContext>();
            await Humans(db, organization.Id).ToListAsync();
            connection = ((SqliteSlotflowDbContext)db).LeasedConnection!;
        }

        var kept = connection.KeptStatements;
        // The native connection outlives this object (Microsoft.Data.Sqlite pools it), so a statement left on it
        // would live on too.
        var handle = connection.Handle!;
        connection.Close();

        Assert.Multiple(() =>
        {
            Assert.That(kept, Is.GreaterThan(0));
            Assert.That(connection.KeptStatements, Is.Zero);
            Assert.That(raw.sqlite3_next_stmt(handle, null), Is.Null);
        });
    }

    [Test]
    public async Task TheModel_HasNoDecimal_WhoseSqlWouldNeedEfCoresFunctions()
    {
        // EF Core registers its SQLite functions (ef_compare, ef_sum, ... for decimals; regexp for Regex.IsMatch) only
        // on connections it creates itself; the pooled connections are the service's own. A decimal property, or a
        // query with Regex.IsMatch, would need them registered there.
        using var factory = new SlotflowApiFactory(settings: Settings);
        await using var scope = factory.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<SlotflowDbContext>().Model;

        var decimals = model.GetEntityTypes().SelectMany(e => e.GetFlattenedProperties())
            .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(decimal))
            .Select(p => $"{p.DeclaringType.DisplayName()}.{p.Name}");

        Assert.That(decimals, Is.Empty);
    }

    private static IQueryable<Slotflow.Domain.Humans.Human> Humans(SlotflowDbContext db, Guid organizationId) =>
        db.Humans.AsNoTracking().Where(h => h.OrganizationId == organizationId);

    private static async Task<List<string>> SlotStartsAsync(HttpClient client, string human, string day)
    {
        var response = await client.GetAsync($"/v1/humans/{human}/slots?date_from={day}&date_to={day}&duration=30");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return (await WireJson.ReadAsync(response)).GetProperty("slots").EnumerateArray()
            .Select(s => s.GetProperty("starts_at").GetString()!).ToList();
    }

    /// <summary>Every query the service runs: on which connection, its text, and the command object it ran on.</summary>
    private sealed class ExecutedCommands : DbCommandInterceptor
    {
        public ConcurrentQueue<(DbConnection? Connection, string Text, DbCommand Command)> Runs { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (eventData.CommandSource == CommandSource.LinqQuery)
            {
                Runs.Enqueue((command.Connection, command.CommandText, command));
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
#endif
