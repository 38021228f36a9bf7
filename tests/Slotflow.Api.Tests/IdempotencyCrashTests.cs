using System.Data.Common;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>
/// Idempotency-Key when a request fails around its commit (spec §6.2): the stored answer commits with the work it
/// describes, so a retry either replays the original answer (the work committed) or runs the work once (it did not).
/// The fault is injected right after, or instead of, the commit of the transaction that writes the resource.
/// </summary>
public sealed class IdempotencyCrashTests : ServiceFixture
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly SettableClock _clock = new(Now);
    private readonly FailAroundCommit _fault = new();
    private readonly CommandLog _log = new();
    private TestOrganization _organization = null!;
    private string _humanId = null!;

    protected override TimeProvider Clock => _clock;

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IInterceptor>(_fault);
        services.AddSingleton<IInterceptor>(_log);
    }

    [SetUp]
    public async Task NewOrganization()
    {
        _organization = await Factory.CreateOrganizationAsync();
        _humanId = await HumanSetup.CreateAsync(_organization.Client);
    }

    [Test]
    public async Task AFaultRightAfterTheBookingCommits_TheRetryReplaysTheOriginal201_AndOneBookingExists()
    {
        var key = Guid.NewGuid().ToString();
        var body = Booking("2026-03-16T14:00:00Z");
        _fault.Arm("bookings", afterCommit: true);

        var first = await PostAsync(key, body);
        var retry = await PostAsync(key, body);

        await WireJson.AssertErrorAsync(first, HttpStatusCode.InternalServerError, "INTERNAL_ERROR");
        Assert.That(_fault.Thrown, Is.EqualTo(1), "the fault came after the commit");
        var stored = await Factory.QueryAsync(db => db.Bookings.AsNoTracking().Where(b => b.OrganizationId == _organization.Id).ToListAsync());
        Assert.That(stored, Has.Count.EqualTo(1), "the first call's booking was kept, and the retry made none");
        Assert.Multiple(async () =>
        {
            Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created), await retry.Content.ReadAsStringAsync());
            Assert.That(retry.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
            Assert.That((await WireJson.ReadAsync(retry)).GetProperty("id").GetString(), Is.EqualTo(stored[0].Id.ToString()));
        });
    }

    [Test]
    public async Task AFaultRightAfterAHumanIsCommitted_TheRetryReplaysIt_AndOneHumanIsAdded()
    {
        var key = Guid.NewGuid().ToString();
        var body = """{"name":"Committed once","timezone":"UTC"}""";
        _fault.Arm("humans", afterCommit: true);

        var first = await PostAsync(key, body, "/v1/humans");
        var retry = await PostAsync(key, body, "/v1/humans");

        await WireJson.AssertErrorAsync(first, HttpStatusCode.InternalServerError, "INTERNAL_ERROR");
        var humans = await Factory.QueryAsync(db =>
            db.Humans.AsNoTracking().Where(h => h.OrganizationId == _organization.Id && h.Name == "Committed once").Select(h => h.Id).ToListAsync());
        Assert.That(humans, Has.Count.EqualTo(1));
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created), await retry.Content.ReadAsStringAsync());
        Assert.That((await WireJson.ReadAsync(retry)).GetProperty("id").GetString(), Is.EqualTo(humans[0].ToString()));
    }

    [Test]
    public async Task ACommitThatFails_LeavesTheKeyFree_SoTheRetryBooksOnce()
    {
        var key = Guid.NewGuid().ToString();
        var body = Booking("2026-03-17T14:00:00Z");
        _fault.Arm("bookings", afterCommit: false);

        var first = await PostAsync(key, body);
        var retry = await PostAsync(key, body);

        await WireJson.AssertErrorAsync(first, HttpStatusCode.InternalServerError, "INTERNAL_ERROR");
        Assert.That(_fault.Thrown, Is.EqualTo(1), "the commit was refused");
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created), await retry.Content.ReadAsStringAsync());
        Assert.That(retry.Headers.Contains("Idempotent-Replayed"), Is.False, "the work ran again, as it had never committed");
        var stored = await Factory.QueryAsync(db => db.Bookings.AsNoTracking().Where(b => b.OrganizationId == _organization.Id).Select(b => b.Id).ToListAsync());
        Assert.That(stored, Is.EqualTo(new[] { Guid.Parse((await WireJson.ReadAsync(retry)).GetProperty("id").GetString()!) }));

        var again = await PostAsync(key, body);
        Assert.That(again.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }), "and its answer is kept");
    }

    [TestCase("/v1/bookings", "INSERT INTO {0}", "bookings")]
    [TestCase("/v1/humans", "INSERT INTO {0}", "humans")]
    [TestCase("/v1/humans/{human}/overrides", "INSERT INTO {0}", "schedule_overrides")]
    [TestCase("/v1/webhooks", "INSERT INTO {0}", "webhooks")]
    [TestCase("/v1/webhooks/{webhook}/deliveries/{delivery}/retry", "UPDATE {0}", "webhook_deliveries")]
    public async Task EveryPost_WritesItsAnswerOnce_InTheTransactionOfItsWork_AndReplaysItByteForByte(string path, string work, string table)
    {
        var (target, body) = await PostToAsync(path);
        var key = Guid.NewGuid().ToString();

        _log.Start();
        var first = await PostAsync(key, body, target);
        var commands = _log.Stop();
        var replay = await PostAsync(key, body, target);

        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.That((int)first.StatusCode, Is.InRange(200, 299), firstBody);
        var answers = commands.Where(c => Writes(c.Text, "UPDATE {0}", "idempotency_records")).ToList();
        Assert.That(answers, Has.Count.EqualTo(1), "the answer is written once: " + string.Join("\n", commands.Select(c => c.Text)));
        Assert.Multiple(async () =>
        {
            Assert.That(answers[0].Transaction, Is.Not.Null);
            Assert.That(
                commands.Any(c => ReferenceEquals(c.Transaction, answers[0].Transaction) && Writes(c.Text, work, table)),
                Is.True, $"the transaction that wrote the answer wrote the {table} too");
            Assert.That(replay.StatusCode, Is.EqualTo(first.StatusCode));
            Assert.That(replay.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
            Assert.That(await replay.Content.ReadAsStringAsync(), Is.EqualTo(firstBody));
        });
    }

    /// <summary>The path with its ids filled in, and a body that succeeds there.</summary>
    private async Task<(string Path, string Body)> PostToAsync(string path)
    {
        if (path.Contains("{human}", StringComparison.Ordinal))
        {
            return (path.Replace("{human}", _humanId, StringComparison.Ordinal), """{"type":"block","all_day":true,"start_date":"2026-04-01"}""");
        }

        if (path.Contains("{webhook}", StringComparison.Ordinal))
        {
            await using var receiver = await WebhookReceiver.StartAsync();
            var (webhookId, _) = await WebhookTestKit.RegisterAsync(_organization.Client, receiver.Url, "booking.confirmed");
            var booking = await PostAsync(Guid.NewGuid().ToString(), Booking("2026-03-18T14:00:00Z"));
            Assert.That(booking.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            var deliveryId = (await WebhookTestKit.OnlyDeliveryAsync(_organization.Client, webhookId)).GetProperty("id").GetString()!;
            return (path.Replace("{webhook}", webhookId, StringComparison.Ordinal).Replace("{delivery}", deliveryId, StringComparison.Ordinal), "");
        }

        return path switch
        {
            "/v1/bookings" => (path, Booking("2026-03-19T14:00:00Z")),
            "/v1/humans" => (path, """{"name":"Answered once","timezone":"UTC"}"""),
            _ => (path, $$"""{"url":"http://127.0.0.1:9/hooks/{{Guid.NewGuid():N}}","events":["booking.confirmed"]}"""),
        };
    }

    /// <summary>SQLite quotes table names, PostgreSQL does not.</summary>
    private static bool Writes(string commandText, string statement, string table) =>
        commandText.Contains(string.Format(CultureInfo.InvariantCulture, statement, $"\"{table}\""), StringComparison.OrdinalIgnoreCase)
        || commandText.Contains(string.Format(CultureInfo.InvariantCulture, statement, table + " "), StringComparison.OrdinalIgnoreCase);

    private string Booking(string startsAt) =>
        $$"""{"human_id":"{{_humanId}}","starts_at":"{{startsAt}}","duration":30,"attendee_name":"Retry"}""";

    private async Task<HttpResponseMessage> PostAsync(string key, string body, string path = "/v1/bookings")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = WireJson.Body(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await _organization.Client.SendAsync(request);
    }

    /// <summary>While started, every command the service sends, with the transaction it ran in.</summary>
    private sealed class CommandLog : DbCommandInterceptor
    {
        private readonly Lock _lock = new();
        private List<(string Text, DbTransaction? Transaction)>? _commands;

        public void Start()
        {
            lock (_lock)
            {
                _commands = [];
            }
        }

        public List<(string Text, DbTransaction? Transaction)> Stop()
        {
            lock (_lock)
            {
                var commands = _commands ?? [];
                _commands = null;
                return commands;
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Add(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Add(command);
            return ValueTask.FromResult(result);
        }

        private void Add(DbCommand command)
        {
            lock (_lock)
            {
                _commands?.Add((command.CommandText, command.Transaction));
            }
        }
    }

    /// <summary>
    /// Once armed, fails the first commit of a transaction that inserted into the given table: after the commit (as if
    /// the process died the moment its work was durable) or in place of it (as a full disk would).
    /// </summary>
    private sealed class FailAroundCommit : DbTransactionInterceptor, IDbCommandInterceptor
    {
        private readonly Lock _lock = new();
        private string? _table;
        private bool _afterCommit;
        private DbTransaction? _marked;
        private int _thrown;

        public int Thrown => Volatile.Read(ref _thrown);

        public void Arm(string table, bool afterCommit)
        {
            lock (_lock)
            {
                (_table, _afterCommit, _marked, _thrown) = (table, afterCommit, null, 0);
            }
        }

        ValueTask<InterceptionResult<DbDataReader>> IDbCommandInterceptor.ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken)
        {
            Mark(command);
            return ValueTask.FromResult(result);
        }

        ValueTask<InterceptionResult<int>> IDbCommandInterceptor.NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken)
        {
            Mark(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (Take(transaction, afterCommit: false))
            {
                throw new InvalidOperationException("Injected: the commit failed.");
            }

            return ValueTask.FromResult(result);
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
            Take(transaction, afterCommit: true)
                ? throw new InvalidOperationException("Injected: the process failed right after the commit.")
                : Task.CompletedTask;

        private void Mark(DbCommand command)
        {
            lock (_lock)
            {
                if (_table is { } table && _marked is null && command.Transaction is { } transaction
                    && (command.CommandText.Contains($"INSERT INTO \"{table}\"", StringComparison.OrdinalIgnoreCase)
                        || command.CommandText.Contains($"INSERT INTO {table} ", StringComparison.OrdinalIgnoreCase)))
                {
                    _marked = transaction;
                }
            }
        }

        private bool Take(DbTransaction transaction, bool afterCommit)
        {
            lock (_lock)
            {
                if (_table is null || !ReferenceEquals(transaction, _marked) || _afterCommit != afterCommit)
                {
                    return false;
                }

                (_table, _marked) = (null, null);
                _thrown++;
                return true;
            }
        }
    }
}
