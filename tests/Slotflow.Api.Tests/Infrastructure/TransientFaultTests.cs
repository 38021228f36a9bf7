using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Slotflow.Api.Tests.Support;
using static Slotflow.Api.Tests.Support.WebhookTestKit;

namespace Slotflow.Api.Tests;

/// <summary>
/// A transient database fault in the middle of a booking's transaction (a serialization failure, a deadlock, a
/// dropped connection) is retried, not answered with a 500: PostgreSQL's execution strategy runs the unit again,
/// and a fault that outlasts it is decided again from fresh reads.
/// </summary>
public sealed class TransientFaultTests
{
    private static readonly object[] Faults =
    [
        new object[] { "serialization failure", new PostgresException("could not serialize access", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure) },
        new object[] { "deadlock", new PostgresException("deadlock detected", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected) },
        new object[] { "dropped connection", new NpgsqlException("Exception while reading from stream", new IOException("connection reset")) },
    ];

    [TestCaseSource(nameof(Faults))]
    public async Task AFaultOnTheBookingsInsert_IsRetried_AndTheBookingIsMadeOnce(string fault, Exception exception)
    {
        var injector = new FailFirstBookingInsert(exception);
        using var factory = new SlotflowApiFactory(configureServices: s =>
        {
            s.AddSingleton<TimeProvider>(new SettableClock(HeldNow));
            s.AddSingleton<IInterceptor>(injector);
        });
        var organization = await factory.CreateOrganizationAsync();
        var humanId = await HumanAsync(organization.Client);

        var booking = await BookAsync(organization.Client, humanId);

        Assert.Multiple(async () =>
        {
            Assert.That(injector.Thrown, Is.EqualTo(1), $"the {fault} was injected");
            Assert.That(booking.GetProperty("status").GetString(), Is.EqualTo("confirmed"));
            Assert.That(await factory.QueryAsync(db => db.Bookings.CountAsync()), Is.EqualTo(1));
            Assert.That(
                (await organization.Client.GetAsync($"/v1/bookings/{booking.GetProperty("id").GetString()}")).StatusCode,
                Is.EqualTo(HttpStatusCode.OK));
        });
    }

    /// <summary>Throws the given fault in place of the first INSERT into bookings, as the server would.</summary>
    private sealed class FailFirstBookingInsert(Exception fault) : DbCommandInterceptor
    {
        private int _thrown;

        public int Thrown => _thrown;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT INTO bookings", StringComparison.OrdinalIgnoreCase)
                || command.CommandText.Contains("INSERT INTO \"bookings\"", StringComparison.OrdinalIgnoreCase))
            {
                if (Interlocked.CompareExchange(ref _thrown, 1, 0) == 0)
                {
                    throw fault;
                }
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
