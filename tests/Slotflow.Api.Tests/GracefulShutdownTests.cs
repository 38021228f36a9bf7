using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Slotflow.Api.Tests.Support;
using static Slotflow.Api.Tests.Support.WebhookTestKit;

namespace Slotflow.Api.Tests;

/// <summary>Stopping the service lets a request that is being answered finish, and commit, before the process ends.</summary>
public sealed class GracefulShutdownTests
{
    [Test]
    public async Task ABookingInFlightWhenTheServiceStops_IsAnsweredAndSaved()
    {
        var slowInsert = new SlowBookingInsert();
        var database = TestDatabase.Create();
        try
        {
            using (var factory = new SlotflowApiFactory(
                configureServices: s =>
                {
                    s.AddSingleton<TimeProvider>(new SettableClock(HeldNow));
                    s.AddSingleton<IInterceptor>(slowInsert);
                },
                database: database))
            {
                var organization = await factory.CreateOrganizationAsync();
                var humanId = await HumanAsync(organization.Client);

                var booking = BookAsync(organization.Client, humanId);
                await slowInsert.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
                factory.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
                slowInsert.Release.SetResult();

                Assert.That((await booking).GetProperty("status").GetString(), Is.EqualTo("confirmed"));
            }

            using var after = new SlotflowApiFactory(database: database);
            Assert.That(await after.QueryAsync(db => db.Bookings.CountAsync()), Is.EqualTo(1));
        }
        finally
        {
            database.Dispose();
        }
    }

    /// <summary>Holds the booking's INSERT until the test has asked the service to stop.</summary>
    private sealed class SlowBookingInsert : DbCommandInterceptor
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT INTO", StringComparison.OrdinalIgnoreCase)
                && command.CommandText.Contains("bookings", StringComparison.OrdinalIgnoreCase))
            {
                Reached.TrySetResult();
                await Release.Task;
            }

            return await base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
