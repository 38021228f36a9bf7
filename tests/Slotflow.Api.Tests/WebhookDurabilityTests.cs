using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;
using Slotflow.Domain.Webhooks;
using static Slotflow.Api.Tests.Support.WebhookTestKit;

namespace Slotflow.Api.Tests;

/// <summary>
/// The outbox survives the service: deliveries written with the booking are sent by whichever service runs next,
/// an attempt cut short by shutdown is given back, and two services on one database share the work without sending
/// anything twice.
/// </summary>
public sealed class WebhookDurabilityTests
{
    private readonly SettableClock _clock = new(HeldNow);
    private TestDatabase _database = null!;
    private WebhookReceiver _receiver = null!;

    [SetUp]
    public async Task Start()
    {
        _clock.Now = HeldNow;
        _database = TestDatabase.Create();
        _receiver = await WebhookReceiver.StartAsync();
    }

    [TearDown]
    public async Task Stop()
    {
        await _receiver.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task BookedWhileNoWorkerRan_IsDeliveredByTheNextServiceOnTheDatabase()
    {
        string bookingId;
        using (var first = Service(workerEnabled: false))
        {
            var organization = await first.CreateOrganizationAsync();
            await RegisterAsync(organization.Client, _receiver.Url, "booking.confirmed");
            bookingId = (await BookAsync(organization.Client, await HumanAsync(organization.Client))).GetProperty("id").GetString()!;
            Assert.That(await first.QueryAsync(db => db.WebhookDeliveries.CountAsync(d => d.Status == WebhookDeliveryStatus.Pending)), Is.EqualTo(1));
        }

        Assert.That(_receiver.Calls, Is.Zero, "the first service never sent it");

        using var second = Service(workerEnabled: true);
        await _receiver.WaitForAcceptedAsync(1);
        await Task.Delay(300);

        Assert.Multiple(() =>
        {
            Assert.That(_receiver.Received, Has.Count.EqualTo(1));
            Assert.That(_receiver.Received[0].Body, Does.Contain(bookingId));
        });
    }

    [Test]
    public async Task AnAttemptCutShortByShutdown_IsGivenBack_AndTheNextServiceDeliversIt()
    {
        _receiver.Answer = call => call == 1 ? null : 200; // the first call hangs until the service stops waiting
        Guid deliveryId;
        using (var first = Service(workerEnabled: true))
        {
            var organization = await first.CreateOrganizationAsync();
            await RegisterAsync(organization.Client, _receiver.Url, "booking.confirmed");
            await BookAsync(organization.Client, await HumanAsync(organization.Client));
            await _receiver.WaitForCallsAsync(1);
            deliveryId = await first.QueryAsync(db => db.WebhookDeliveries.Select(d => d.Id).SingleAsync());
        }

        var released = await ReadAsync(db => db.WebhookDeliveries.Include(d => d.Attempts).SingleAsync());
        var claim = await ReadAsync(db => db.WebhookDeliveries
            .Select(d => new { Token = EF.Property<Guid?>(d, "ClaimToken"), Until = EF.Property<DateTimeOffset?>(d, "ClaimedUntil") }).SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(released.Status, Is.EqualTo(WebhookDeliveryStatus.Pending));
            Assert.That(released.Attempts, Is.Empty, "a cut-short attempt is not counted against the receiver");
            Assert.That(released.NextAttemptAt, Is.LessThanOrEqualTo(_clock.Now), "due again at once, not after the claim's lease");
            Assert.That(claim.Token, Is.Null);
            Assert.That(claim.Until, Is.Null, "released, not left to its lease");
        });

        using var second = Service(workerEnabled: true);
        await _receiver.WaitForAcceptedAsync(1);

        Assert.That(_receiver.Accepted.Single().DeliveryId, Is.EqualTo(deliveryId.ToString()));
    }

    [Test]
    public async Task TwoServicesOnOneDatabase_Deliver200DeliveriesExactlyOnceBetweenThem()
    {
        List<string> bookingIds = [];
        using (var setup = Service(workerEnabled: false))
        {
            var organization = await setup.CreateOrganizationAsync();
            await RegisterAsync(organization.Client, _receiver.Url, "booking.confirmed");
            var humanId = await HumanAsync(organization.Client);
            for (var slot = 0; slot < 200; slot++)
            {
                bookingIds.Add((await BookAsync(organization.Client, humanId, slot)).GetProperty("id").GetString()!);
            }
        }

        // Small rounds so that both workers keep claiming while the other is sending.
        using var one = Service(workerEnabled: true, concurrentSends: 2);
        using var two = Service(workerEnabled: true, concurrentSends: 2);
        await _receiver.WaitForAcceptedAsync(200);
        await Task.Delay(500);

        var received = _receiver.Received;
        Assert.Multiple(() =>
        {
            Assert.That(received, Has.Count.EqualTo(200), "no delivery sent twice");
            Assert.That(received.Select(r => r.DeliveryId).Distinct().Count(), Is.EqualTo(200));
        });
    }

    [Test]
    public async Task AManualRetryWhileAnotherServiceHasItInFlight_IsNotSentByASecondService()
    {
        _receiver.Answer = call => call == 1 ? null : 200;
        using var one = Service(workerEnabled: true, attemptTimeout: "00:00:02");
        var organization = await one.CreateOrganizationAsync();
        var (webhookId, _) = await RegisterAsync(organization.Client, _receiver.Url, "booking.confirmed");
        await BookAsync(organization.Client, await HumanAsync(organization.Client));
        await _receiver.WaitForCallsAsync(1);
        using var two = Service(workerEnabled: true, attemptTimeout: "00:00:02");
        var deliveryId = (await OnlyDeliveryAsync(organization.Client, webhookId)).GetProperty("id").GetString();

        var retry = await two.ClientWith(organization.ApiKey).PostAsync($"/v1/webhooks/{webhookId}/deliveries/{deliveryId}/retry", null);
        Assert.That(retry.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted));
        await WaitForDeliveryAsync(organization.Client, webhookId, Attempts(1, "pending"), "the in-flight attempt recorded");
        await Task.Delay(300);

        Assert.That(_receiver.Calls, Is.EqualTo(1), "still claimed by the first service: the second did not send it");
    }

    private SlotflowApiFactory Service(bool workerEnabled, int concurrentSends = 8, string attemptTimeout = "00:00:10")
    {
        var factory = new SlotflowApiFactory(
            settings: FastWorker(new()
            {
                ["Webhooks:WorkerEnabled"] = workerEnabled.ToString(),
                ["Webhooks:MaxConcurrentSends"] = concurrentSends.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Webhooks:AttemptTimeout"] = attemptTimeout,
            }),
            configureServices: s => s.AddSingleton<TimeProvider>(_clock),
            database: _database);
        factory.StartServer(); // now, so the worker runs even before the first request
        return factory;
    }

    private async Task<T> ReadAsync<T>(Func<Slotflow.Infrastructure.Persistence.SlotflowDbContext, Task<T>> query)
    {
        using var reader = Service(workerEnabled: false);
        return await reader.QueryAsync(query);
    }
}
