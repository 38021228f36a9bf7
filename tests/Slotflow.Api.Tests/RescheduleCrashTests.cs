using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>
/// A reschedule is one transaction (spec §11.2): a fault after the booking's row was rewritten, before the commit,
/// leaves the booking with exactly its old interval (never both, never neither), and a retry then moves it. The fault's
/// 500 also stands for every answer the exception handler writes, which a refusal's answer must match header for header.
/// </summary>
public sealed class RescheduleCrashTests : ServiceFixture
{
    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly FailCommitAfterBookingUpdate _fault = new();
    private TestOrganization _organization = null!;
    private string _humanId = null!;

    protected override TimeProvider Clock => _clock;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IInterceptor>(_fault);

    [SetUp]
    public async Task NewOrganizationAndHuman()
    {
        _organization = await Factory.CreateOrganizationAsync();
        _humanId = await HumanSetup.CreateAsync(_organization.Client);
    }

    [Test]
    public async Task AFaultBeforeTheCommit_LeavesExactlyTheOldInterval_AndARetryMovesIt()
    {
        var booked = await _organization.Client.PostAsync("/v1/bookings", WireJson.Body(
            $$"""{"human_id":"{{_humanId}}","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":"Grace"}"""));
        var id = (await WireJson.ReadAsync(booked)).GetProperty("id").GetString()!;
        _fault.Armed = true;

        var failed = await _organization.Client.PostAsync($"/v1/bookings/{id}/reschedule", WireJson.Body("""{"starts_at":"2026-03-17T14:00:00Z"}"""));

        await WireJson.AssertErrorAsync(failed, HttpStatusCode.InternalServerError, "INTERNAL_ERROR");
        Assert.That(_fault.Thrown, Is.EqualTo(1), "the fault came after the booking's row was rewritten");
        Assert.That(await IntervalsAsync(), Is.EqualTo(new[] { new DateTimeOffset(2026, 3, 16, 14, 0, 0, TimeSpan.Zero) }));
        Assert.That(await SlotStartsAsync("2026-03-16"), Does.Not.Contain("2026-03-16T14:00:00.000Z"), "the old time is still taken");
        Assert.That(await SlotStartsAsync("2026-03-17"), Does.Contain("2026-03-17T14:00:00.000Z"), "the new time was never taken");

        var retry = await _organization.Client.PostAsync($"/v1/bookings/{id}/reschedule", WireJson.Body("""{"starts_at":"2026-03-17T14:00:00Z"}"""));

        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.OK), await retry.Content.ReadAsStringAsync());
        Assert.That(await IntervalsAsync(), Is.EqualTo(new[] { new DateTimeOffset(2026, 3, 17, 14, 0, 0, TimeSpan.Zero) }));
    }

    [Test]
    public async Task ARefusal_IsAnsweredWithTheSameHeadersAsTheExceptionHandlersAnswers()
    {
        var booked = await _organization.Client.PostAsync("/v1/bookings", WireJson.Body(
            $$"""{"human_id":"{{_humanId}}","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":"Grace"}"""));
        var id = (await WireJson.ReadAsync(booked)).GetProperty("id").GetString()!;
        _fault.Armed = true;
        var handled = await _organization.Client.PostAsync($"/v1/bookings/{id}/reschedule", WireJson.Body("""{"starts_at":"2026-03-17T14:00:00Z"}"""));

        var refused = await _organization.Client.GetAsync($"/v1/bookings/{Guid.NewGuid()}");

        await WireJson.AssertErrorAsync(handled, HttpStatusCode.InternalServerError, "INTERNAL_ERROR");
        await WireJson.AssertErrorAsync(refused, HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Multiple(() =>
        {
            Assert.That(refused.Headers.CacheControl?.ToString(), Is.EqualTo(handled.Headers.CacheControl?.ToString()).And.Not.Null);
            Assert.That(refused.Headers.Pragma.ToString(), Is.EqualTo(handled.Headers.Pragma.ToString()).And.Not.Empty);
            Assert.That(refused.Content.Headers.GetValues("Expires"), Is.EqualTo(handled.Content.Headers.GetValues("Expires")));
            Assert.That(refused.Content.Headers.ContentType?.ToString(), Is.EqualTo(handled.Content.Headers.ContentType?.ToString()));
        });
    }

    private Task<List<DateTimeOffset>> IntervalsAsync() =>
        Factory.QueryAsync(db => db.Bookings.AsNoTracking().Where(b => b.OrganizationId == _organization.Id).Select(b => b.StartsAt).ToListAsync());

    private async Task<List<string?>> SlotStartsAsync(string date)
    {
        var slots = await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/humans/{_humanId}/slots?date_from={date}&date_to={date}&duration=30"));
        return [.. slots.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("starts_at").GetString())];
    }

    /// <summary>Once armed, fails the commit of the first transaction that sent an UPDATE of bookings.</summary>
    private sealed class FailCommitAfterBookingUpdate : DbTransactionInterceptor, IDbCommandInterceptor
    {
        private readonly Lock _lock = new();
        private DbTransaction? _marked;
        private int _thrown;

        public volatile bool Armed;

        public int Thrown => Volatile.Read(ref _thrown);

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
            lock (_lock)
            {
                if (Armed && ReferenceEquals(transaction, _marked))
                {
                    (Armed, _marked) = (false, null);
                    _thrown++;
                    throw new InvalidOperationException("Injected: the process failed before the commit.");
                }
            }

            return ValueTask.FromResult(result);
        }

        private void Mark(DbCommand command)
        {
            lock (_lock)
            {
                if (Armed && _marked is null && command.Transaction is { } transaction
                    && (command.CommandText.Contains("UPDATE \"bookings\"", StringComparison.OrdinalIgnoreCase)
                        || command.CommandText.Contains("UPDATE bookings ", StringComparison.OrdinalIgnoreCase)
                        || command.CommandText.Contains("UPDATE [bookings]", StringComparison.OrdinalIgnoreCase)))
                {
                    _marked = transaction;
                }
            }
        }
    }
}
