#if SLOTFLOW_POSTGRES
using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Slotflow.Api.Tests.Support;
using static Slotflow.Api.Tests.SeveralHumans.FirstAvailableTests;
using static Slotflow.Api.Tests.SeveralHumans.PooledBookingTests;

namespace Slotflow.Api.Tests.SeveralHumans;

/// <summary>
/// A booking's commit lands but its answer is lost (the connection drops right after), so PostgreSQL's execution
/// strategy runs the unit again, which finds the time taken by that very booking. A booking across several humans
/// must answer that booking, not go on to book the next human. New York, the clock Monday 2 March 2026.
/// </summary>
public sealed class PooledCommitFaultTests : ServiceFixture
{
    private const string Rules = """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30]}""";
    private static readonly DateTimeOffset Ten = new(2026, 3, 9, 14, 0, 0, TimeSpan.Zero);

    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));
    private readonly DropAfterBookingCommit _fault = new();

    protected override TimeProvider Clock => _clock;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IInterceptor>(_fault);

    [Test]
    public async Task APooledBookingWhoseCommitAnswerIsLost_AnswersThatBooking_AndBooksNobodyElse()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var (anna, ben) = (await HumanSetup.CreateAsync(organization.Client, rules: Rules), await HumanSetup.CreateAsync(organization.Client, rules: Rules));
        _fault.Arm();

        var response = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(Pooled([anna, ben], Ten, 30)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That(_fault.Dropped, Is.EqualTo(1), "the first commit's answer was lost");
        var booked = await Factory.QueryAsync(db => db.Bookings.AsNoTracking().Where(b => b.OrganizationId == organization.Id).Select(b => new { b.Id, b.HumanId }).ToListAsync());
        var answer = await WireJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(booked, Has.Count.EqualTo(1), "one booking for one request");
            Assert.That(answer.GetProperty("id").GetString(), Is.EqualTo(booked[0].Id.ToString()));
            Assert.That(answer.GetProperty("human_id").GetString(), Is.EqualTo(anna));
        });
    }

    [Test]
    public async Task AFirstAvailableBookingWhoseCommitAnswerIsLost_AnswersThatCandidate()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var (anna, ben) = (await HumanSetup.CreateAsync(organization.Client, rules: Rules), await HumanSetup.CreateAsync(organization.Client, rules: Rules));
        _fault.Arm();

        var response = await organization.Client.PostAsync("/v1/bookings/first-available", WireJson.Body(Candidates([(anna, Ten), (ben, Ten)], 30)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That((await WireJson.ReadAsync(response)).GetProperty("candidate_index").GetInt32(), Is.Zero);
        Assert.That(await Factory.QueryAsync(db => db.Bookings.CountAsync(b => b.OrganizationId == organization.Id)), Is.EqualTo(1));
    }

    /// <summary>Once armed: right after the first commit of a transaction that inserted a booking, a transient connection fault.</summary>
    private sealed class DropAfterBookingCommit : DbTransactionInterceptor, IDbCommandInterceptor
    {
        private readonly Lock _lock = new();
        private bool _armed;
        private DbTransaction? _marked;
        private int _dropped;

        public int Dropped => Volatile.Read(ref _dropped);

        public void Arm()
        {
            lock (_lock)
            {
                (_armed, _marked, _dropped) = (true, null, 0);
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

        private void Mark(DbCommand command)
        {
            lock (_lock)
            {
                if (_armed && _marked is null && command.Transaction is { } transaction && command.CommandText.Contains("INSERT INTO bookings", StringComparison.OrdinalIgnoreCase))
                {
                    _marked = transaction;
                }
            }
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            lock (_lock)
            {
                if (!_armed || !ReferenceEquals(transaction, _marked))
                {
                    return Task.CompletedTask;
                }

                (_armed, _marked) = (false, null);
                _dropped++;
            }

            throw new NpgsqlException("Injected: the connection dropped right after the commit.", new IOException("injected"));
        }
    }
}
#endif
