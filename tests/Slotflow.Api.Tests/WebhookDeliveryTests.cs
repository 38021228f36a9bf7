using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;
using static Slotflow.Api.Tests.Support.WebhookTestKit;

namespace Slotflow.Api.Tests;

/// <summary>
/// Spec §9 end to end: the service on Kestrel and SQLite, its delivery worker, and a real receiver on 127.0.0.1.
/// The service's clock is held, so the retry schedule is walked by moving it rather than by waiting.
/// </summary>
public sealed class WebhookDeliveryTests
{
    private const string Metadata = """{"crm":{"deal":"D-42","stages":["lead",{"won":true}]},"note":"Zoë 🙂 \u00e9","score":1.50,"n":-7}""";

    private SettableClock _clock = null!;
    private WebhookReceiver _receiver = null!;
    private SlotflowApiFactory _factory = null!;
    private TestOrganization _organization = null!;
    private string _humanId = null!;

    [SetUp]
    public async Task StartServiceAndReceiver()
    {
        _clock = new SettableClock(HeldNow);
        _receiver = await WebhookReceiver.StartAsync();
        _factory = new SlotflowApiFactory(settings: FastWorker(), configureServices: s => s.AddSingleton<TimeProvider>(_clock));
        _organization = await _factory.CreateOrganizationAsync();
        _humanId = await HumanAsync(_organization.Client);
    }

    [TearDown]
    public async Task Stop()
    {
        _factory.Dispose();
        await _receiver.DisposeAsync();
    }

    [Test]
    public async Task ABookingAndItsCancellation_EachArriveOnce_Complete_AndSignedSoThatAnIndependentCheckAccepts()
    {
        var (webhookId, secret) = await RegisterAsync(_organization.Client, _receiver.Url);
        var booking = await BookAsync(_organization.Client, _humanId, metadata: Metadata);
        var bookingId = booking.GetProperty("id").GetString()!;
        await _receiver.WaitForAcceptedAsync(1);
        // Recorded before the held clock jumps past the worker's claim lease (2 min): a jump while the outcome is still
        // being saved would let the claim lapse under the attempt and send it again, which real time never does.
        await WaitForDeliveryAsync(_organization.Client, webhookId, Attempts(1, "delivered"), "the confirmation recorded as delivered");
        _clock.Now = HeldNow.AddMinutes(3);
        Assert.That((await _organization.Client.DeleteAsync($"/v1/bookings/{bookingId}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await _receiver.WaitForAcceptedAsync(2);
        var cancelledBooking = await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/bookings/{bookingId}"));
        await Task.Delay(500); // several worker rounds: nothing more may arrive

        var received = _receiver.Received;
        Assert.That(received, Has.Count.EqualTo(2));
        var (confirmed, cancelled) = (received[0], received[1]);
        using var confirmedBody = JsonDocument.Parse(confirmed.Body);
        using var cancelledBody = JsonDocument.Parse(cancelled.Body);
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(confirmedBody.RootElement), Is.EqualTo(new[] { "event", "created_at", "data" }));
            Assert.That(confirmedBody.RootElement.GetProperty("event").GetString(), Is.EqualTo("booking.confirmed"));
            Assert.That(confirmedBody.RootElement.GetProperty("created_at").GetString(), Is.EqualTo(booking.GetProperty("created_at").GetString()));
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(confirmedBody.RootElement.GetProperty("data").GetRawText()), JsonNode.Parse(booking.GetRawText())), Is.True,
                "data is the booking exactly as the API returns it");
            Assert.That(confirmed.Body, Does.Contain("\"score\":1.50"), "metadata numbers keep their text");
            Assert.That(confirmedBody.RootElement.GetProperty("data").GetProperty("metadata").GetProperty("note").GetString(), Is.EqualTo("Zoë 🙂 é"));

            Assert.That(cancelledBody.RootElement.GetProperty("event").GetString(), Is.EqualTo("booking.cancelled"));
            Assert.That(cancelledBody.RootElement.GetProperty("created_at").GetString(), Is.EqualTo("2026-03-02T12:03:00.000Z"));
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(cancelledBody.RootElement.GetProperty("data").GetRawText()), JsonNode.Parse(cancelledBooking.GetRawText())), Is.True);
            Assert.That(cancelledBody.RootElement.GetProperty("data").GetProperty("status").GetString(), Is.EqualTo("cancelled"));

            foreach (var (request, eventName) in new[] { (confirmed, "booking.confirmed"), (cancelled, "booking.cancelled") })
            {
                Assert.That(request.Header("Content-Type"), Is.EqualTo("application/json"));
                Assert.That(request.Header("X-Slotflow-Event"), Is.EqualTo(eventName));
                Assert.That(Guid.TryParseExact(request.DeliveryId, "D", out _), Is.True, request.DeliveryId);
                Assert.That(request.Header("webhook-id"), Is.EqualTo(request.DeliveryId));
                Assert.That(SlotflowSignatureIsValid(request.Header("X-Slotflow-Signature"), request.Body, secret), Is.True, "signature verifies");
                Assert.That(StandardSignatureIsValid(request, request.Body, secret), Is.True, "Standard Webhooks signature verifies");
                Assert.That(SlotflowSignatureIsValid(request.Header("X-Slotflow-Signature"), request.Body + " ", secret), Is.False, "tampered body fails");
                Assert.That(SlotflowSignatureIsValid(request.Header("X-Slotflow-Signature"), request.Body, secret + "x"), Is.False, "wrong secret fails");
                Assert.That(StandardSignatureIsValid(request, request.Body.Replace("Ada", "Eve", StringComparison.Ordinal), secret), Is.False);
            }

            Assert.That(confirmed.Header("X-Slotflow-Signature"), Does.StartWith($"t={HeldNow.ToUnixTimeSeconds()},v1="));
            Assert.That(confirmed.Header("webhook-timestamp"), Is.EqualTo(HeldNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(confirmed.DeliveryId, Is.Not.EqualTo(cancelled.DeliveryId));
        });

        var deliveries = (await DeliveriesAsync(_organization.Client, webhookId)).GetProperty("deliveries");
        Assert.That(deliveries.EnumerateArray().Select(d => d.GetProperty("status").GetString()), Is.EqualTo(new[] { "delivered", "delivered" }));
    }

    [Test]
    public async Task AReceiverAnswering503Twice_GetsItOnAttempt3_AtTheSchedulesTimes()
    {
        _receiver.Answer = call => call <= 2 ? 503 : 200;
        var (webhookId, _) = await RegisterAsync(_organization.Client, _receiver.Url, "booking.confirmed");
        await BookAsync(_organization.Client, _humanId);

        await WaitForDeliveryAsync(_organization.Client, webhookId, Attempts(1, "pending"), "attempt 1 recorded");
        var afterFirst = await OnlyDeliveryAsync(_organization.Client, webhookId);
        Assert.Multiple(() =>
        {
            Assert.That(Instant(afterFirst.GetProperty("next_attempt_at")), Is.EqualTo(HeldNow.AddMinutes(5)));
            Assert.That(afterFirst.GetProperty("last_response_code").GetInt32(), Is.EqualTo(503));
        });

        _clock.Now = HeldNow.AddMinutes(5).AddSeconds(-1);
        await Task.Delay(300);
        Assert.That(_receiver.Calls, Is.EqualTo(1), "not before the five minutes are up");

        _clock.Now = HeldNow.AddMinutes(5);
        await WaitForDeliveryAsync(_organization.Client, webhookId, Attempts(2, "pending"), "attempt 2 recorded");
        Assert.That(Instant((await OnlyDeliveryAsync(_organization.Client, webhookId)).GetProperty("next_attempt_at")), Is.EqualTo(HeldNow.AddMinutes(65)));

        _clock.Now = HeldNow.AddMinutes(65);
        await WaitForDeliveryAsync(_organization.Client, webhookId, Attempts(3, "delivered"), "delivered on attempt 3");

        var delivery = await OnlyDeliveryAsync(_organization.Client, webhookId);
        var claim = await _factory.QueryAsync(db => db.WebhookDeliveries
            .Select(d => new { Token = EF.Property<Guid?>(d, "ClaimToken"), Until = EF.Property<DateTimeOffset?>(d, "ClaimedUntil") }).SingleAsync());
        Assert.That((claim.Token, claim.Until), Is.EqualTo(((Guid?)null, (DateTimeOffset?)null)), "the worker's claim ends with its attempt");
        var attempts = delivery.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(attempts.Select(a => Instant(a.GetProperty("attempted_at"))), Is.EqualTo(new[] { HeldNow, HeldNow.AddMinutes(5), HeldNow.AddMinutes(65) }));
            Assert.That(attempts.Select(a => a.GetProperty("status_code").GetInt32()), Is.EqualTo(new[] { 503, 503, 200 }));
            Assert.That(attempts.Select(a => a.GetProperty("number").GetInt32()), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(delivery.GetProperty("next_attempt_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(_receiver.Received.Select(r => r.DeliveryId).Distinct().Single(), Is.EqualTo(delivery.GetProperty("id").GetString()),
                "one delivery id across its retries");
        });
    }

    [Test]
    public async Task TheRetrySchedule_IsConfiguration()
    {
        _factory.Dispose();
        _factory = new SlotflowApiFactory(
            settings: FastWorker(new() { ["Webhooks:RetryDelays:0"] = "00:00:10", ["Webhooks:RetryDelays:1"] = "00:00:30", ["Webhooks:RetryDelays:2"] = "00:02:00" }),
            configureServices: s => s.AddSingleton<TimeProvider>(_clock));
        _organization = await _factory.CreateOrganizationAsync();
        _humanId = await HumanAsync(_organization.Client);
        _receiver.Answer = _ => 500;
        var (webhookId, _) = await RegisterAsync(_organization.Client, _receiver.Url, "booking.confirmed");
        await BookAsync(_organization.Client, _humanId);

        var expected = new[] { HeldNow, HeldNow.AddSeconds(10), HeldNow.AddSeconds(40), HeldNow.AddSeconds(160) };
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            _clock.Now = expected[attempt - 1];
            await WaitForDeliveryAsync(_organization.Client, webhookId, Attempts(attempt, attempt < 4 ? "pending" : "failed"), $"attempt {attempt}");
        }

        var attempts = (await OnlyDeliveryAsync(_organization.Client, webhookId)).GetProperty("attempts").EnumerateArray();
        Assert.That(attempts.Select(a => Instant(a.GetProperty("attempted_at"))), Is.EqualTo(expected), "three configured delays: four attempts");
    }

    [Test]
    public async Task AReceiverThatAlwaysFails_EndsFailedAfter3Attempts_AndAManualRetryThenDeliversIt()
    {
        _receiver.Answer = _ => 500;
        var (webhookId, _) = await RegisterAsync(_organization.Client, _receiver.Url, "booking.confirmed");
        await BookAsync(_organization.Client, _humanId);
        await WaitForDeliveryAsync(_organization.Client, webhookId, Attempts(1, "pending"), "attempt 1");
        _clock.Now = HeldNow.AddMinutes(5);
        await WaitForDeliveryAsync(_organization.Client, webhookId, Attempts(2, "pending"), "attempt 2");
        _clock.Now = HeldNow.AddMinutes(65);
        await WaitForDeliveryAsync(_organization.Client, webhookId, Attempts(3, "failed"), "failed after attempt 3");
        _clock.Now = HeldNow.AddDays(1);
        await Task.Delay(300);
        Assert.That(_receiver.Calls, Is.EqualTo(3), "no fourth attempt on its own");

        var failed = (await DeliveriesAsync(_organization.Client, webhookId, "?status=failed")).GetProperty("deliveries")[0];
        Assert.Multiple(() =>
        {
            Assert.That(failed.GetProperty("last_response_code").GetInt32(), Is.EqualTo(500));
            Assert.That(failed.GetProperty("next_attempt_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });

        _receiver.Answer = _ => 200;
        var retry = await _organization.Client.PostAsync($"/v1/webhooks/{webhookId}/deliveries/{failed.GetProperty("id").GetString()}/retry", null);
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await retry.Content.ReadAsStringAsync());
        Assert.That((await WireJson.ReadAsync(retry)).GetProperty("status").GetString(), Is.EqualTo("pending"));

        await WaitForDeliveryAsync(_organization.Client, webhookId, Attempts(4, "delivered"), "delivered by the manual retry");
        Assert.That(_receiver.Accepted, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AReceiverThatHangs_IsAbandonedAtTheTimeout_AndRetried()
    {
        await RestartWithAttemptTimeoutAsync("00:00:01");
        _receiver.Answer = call => call == 1 ? null : 200;
        var (webhookId, _) = await RegisterAsync(_organization.Client, _receiver.Url, "booking.confirmed");
        await BookAsync(_organization.Client, _humanId);

        await WaitForDeliveryAsync(_organization.Client, webhookId, Attempts(1, "pending"), "the hanging attempt recorded");
        var attempt = (await OnlyDeliveryAsync(_organization.Client, webhookId)).GetProperty("attempts")[0];
        Assert.Multiple(() =>
        {
            Assert.That(attempt.GetProperty("status_code").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(attempt.GetProperty("error").GetString(), Does.Contain("No response within 1 s"));
            Assert.That(attempt.GetProperty("duration_ms").GetInt32(), Is.GreaterThanOrEqualTo(990));
        });

        _clock.Now = HeldNow.AddMinutes(5);
        await WaitForDeliveryAsync(_organization.Client, webhookId, Attempts(2, "delivered"), "delivered on attempt 2");
    }

    [Test]
    public async Task TheDefaultTimeout_Is10Seconds()
    {
        _receiver.Answer = call => call == 1 ? null : 200;
        var (webhookId, _) = await RegisterAsync(_organization.Client, _receiver.Url, "booking.confirmed");
        await BookAsync(_organization.Client, _humanId);

        await WaitForDeliveryAsync(_organization.Client, webhookId, Attempts(1, "pending"), "the hanging attempt recorded");

        var attempt = (await OnlyDeliveryAsync(_organization.Client, webhookId)).GetProperty("attempts")[0];
        Assert.Multiple(() =>
        {
            Assert.That(attempt.GetProperty("error").GetString(), Does.Contain("No response within 10 s"));
            Assert.That(attempt.GetProperty("duration_ms").GetInt32(), Is.GreaterThanOrEqualTo(9_990));
        });
    }

    [Test]
    public async Task ARedirect_IsNotFollowed_AndCountsAsAFailedAttempt()
    {
        await using var elsewhere = await WebhookReceiver.StartAsync();
        _receiver.Answer = _ => 307;
        _receiver.Location = elsewhere.Url;
        var (webhookId, _) = await RegisterAsync(_organization.Client, _receiver.Url, "booking.confirmed");
        await BookAsync(_organization.Client, _humanId);

        await WaitForDeliveryAsync(_organization.Client, webhookId, Attempts(1, "pending"), "attempt 1");
        await Task.Delay(300);

        Assert.Multiple(async () =>
        {
            Assert.That((await OnlyDeliveryAsync(_organization.Client, webhookId)).GetProperty("last_response_code").GetInt32(), Is.EqualTo(307));
            Assert.That(_receiver.Calls, Is.EqualTo(1));
            Assert.That(elsewhere.Calls, Is.Zero, "the redirect's target got nothing");
        });
    }

    [Test]
    public async Task AManualRetryWhileAnAttemptIsInFlight_DoesNotSendItASecondTime()
    {
        await RestartWithAttemptTimeoutAsync("00:00:02");
        _receiver.Answer = call => call == 1 ? null : 200;
        var (webhookId, _) = await RegisterAsync(_organization.Client, _receiver.Url, "booking.confirmed");
        await BookAsync(_organization.Client, _humanId);
        await _receiver.WaitForCallsAsync(1);
        var deliveryId = (await OnlyDeliveryAsync(_organization.Client, webhookId)).GetProperty("id").GetString();

        var retry = await _organization.Client.PostAsync($"/v1/webhooks/{webhookId}/deliveries/{deliveryId}/retry", null);
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await WaitForDeliveryAsync(_organization.Client, webhookId, Attempts(1, "pending"), "the in-flight attempt recorded");
        await Task.Delay(300);

        Assert.That(_receiver.Calls, Is.EqualTo(1), "the attempt in flight answered the retry; nothing was sent beside it");
    }

    [Test]
    public async Task DeletingTheWebhook_StopsItsPendingDeliveries()
    {
        _receiver.Answer = _ => 503;
        var (webhookId, _) = await RegisterAsync(_organization.Client, _receiver.Url, "booking.confirmed");
        await BookAsync(_organization.Client, _humanId);
        await WaitForDeliveryAsync(_organization.Client, webhookId, Attempts(1, "pending"), "attempt 1");

        Assert.That((await _organization.Client.DeleteAsync($"/v1/webhooks/{webhookId}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        _receiver.Answer = _ => 200;
        _clock.Now = HeldNow.AddHours(2);
        await Task.Delay(500);

        Assert.Multiple(async () =>
        {
            Assert.That(_receiver.Calls, Is.EqualTo(1));
            Assert.That(await _factory.QueryAsync(db => Task.FromResult(db.WebhookDeliveries.Count())), Is.Zero);
            Assert.That((await _organization.Client.GetAsync($"/v1/webhooks/{webhookId}/deliveries")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task AnotherOrganizationsWebhook_NeverReceivesOurBookings_NorSeesOrRetriesOurDeliveries()
    {
        await using var theirReceiver = await WebhookReceiver.StartAsync();
        var them = await _factory.CreateOrganizationAsync();
        var (theirWebhookId, _) = await RegisterAsync(them.Client, theirReceiver.Url);
        var (ourWebhookId, _) = await RegisterAsync(_organization.Client, _receiver.Url);

        await BookAsync(_organization.Client, _humanId);
        await _receiver.WaitForAcceptedAsync(1);
        await Task.Delay(300);
        var ourDelivery = await OnlyDeliveryAsync(_organization.Client, ourWebhookId);

        Assert.Multiple(async () =>
        {
            Assert.That(theirReceiver.Calls, Is.Zero);
            Assert.That((await DeliveriesAsync(them.Client, theirWebhookId)).GetProperty("total").GetInt32(), Is.Zero);
            await WireJson.AssertErrorAsync(await them.Client.GetAsync($"/v1/webhooks/{ourWebhookId}/deliveries"), HttpStatusCode.NotFound, "NOT_FOUND");
            await WireJson.AssertErrorAsync(
                await them.Client.PostAsync($"/v1/webhooks/{ourWebhookId}/deliveries/{ourDelivery.GetProperty("id").GetString()}/retry", null),
                HttpStatusCode.NotFound, "NOT_FOUND");
            await WireJson.AssertErrorAsync(
                await them.Client.PostAsync($"/v1/webhooks/{theirWebhookId}/deliveries/{ourDelivery.GetProperty("id").GetString()}/retry", null),
                HttpStatusCode.NotFound, "NOT_FOUND");
        });
    }

    [Test]
    public async Task OnlySubscribedEvents_AreDelivered()
    {
        var (confirmedOnly, _) = await RegisterAsync(_organization.Client, _receiver.Url, "booking.confirmed");
        await using var cancellations = await WebhookReceiver.StartAsync();
        var (cancelledOnly, _) = await RegisterAsync(_organization.Client, cancellations.Url, "booking.cancelled");

        var booking = await BookAsync(_organization.Client, _humanId);
        await _organization.Client.DeleteAsync($"/v1/bookings/{booking.GetProperty("id").GetString()}");
        await _receiver.WaitForAcceptedAsync(1);
        await cancellations.WaitForAcceptedAsync(1);
        await Task.Delay(300);

        Assert.Multiple(async () =>
        {
            Assert.That(_receiver.Received.Select(r => r.Header("X-Slotflow-Event")), Is.EqualTo(new[] { "booking.confirmed" }));
            Assert.That(cancellations.Received.Select(r => r.Header("X-Slotflow-Event")), Is.EqualTo(new[] { "booking.cancelled" }));
            Assert.That((await DeliveriesAsync(_organization.Client, confirmedOnly)).GetProperty("total").GetInt32(), Is.EqualTo(1));
            Assert.That((await DeliveriesAsync(_organization.Client, cancelledOnly)).GetProperty("total").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task TwoHundredBookingsWhileTheReceiverIsDown_AreAllDeliveredOnceItRecovers_NoneTwice()
    {
        var (webhookId, _) = await RegisterAsync(_organization.Client, _receiver.Url, "booking.confirmed");
        await _receiver.StopAsync();

        var bookingIds = new List<string>();
        for (var slot = 0; slot < 200; slot++)
        {
            bookingIds.Add((await BookAsync(_organization.Client, _humanId, slot)).GetProperty("id").GetString()!);
        }

        await WebhookReceiver.WaitUntilAsync(
            async () => (await DeliveriesAsync(_organization.Client, webhookId, "?status=pending&limit=100")).GetProperty("deliveries")
                .EnumerateArray().All(d => d.GetProperty("attempt_count").GetInt32() == 1)
                && (await DeliveriesAsync(_organization.Client, webhookId, "?status=pending&limit=100&offset=100")).GetProperty("deliveries")
                .EnumerateArray().All(d => d.GetProperty("attempt_count").GetInt32() == 1),
            "all 200 first attempts refused");
        var refused = (await DeliveriesAsync(_organization.Client, webhookId, "?limit=1")).GetProperty("deliveries")[0].GetProperty("attempts")[0];
        Assert.That(refused.GetProperty("status_code").ValueKind, Is.EqualTo(JsonValueKind.Null), "connection refused, no status");

        await _receiver.RestartAsync();
        _clock.Now = HeldNow.AddMinutes(5);
        await _receiver.WaitForAcceptedAsync(200);
        await Task.Delay(500);

        var accepted = _receiver.Accepted;
        var bookingIdsReceived = accepted.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("id").GetString()).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(accepted, Has.Count.EqualTo(200), "none twice");
            Assert.That(accepted.Select(r => r.DeliveryId).Distinct().Count(), Is.EqualTo(200));
            Assert.That(bookingIdsReceived, Is.EquivalentTo(bookingIds));
            Assert.That((await DeliveriesAsync(_organization.Client, webhookId, "?status=delivered")).GetProperty("total").GetInt32(), Is.EqualTo(200));
        });
    }

    /// <summary>The service again with a shorter per-attempt timeout, and a fresh organization and human.</summary>
    private async Task RestartWithAttemptTimeoutAsync(string timeout)
    {
        _factory.Dispose();
        _factory = new SlotflowApiFactory(
            settings: FastWorker(new() { ["Webhooks:AttemptTimeout"] = timeout }), configureServices: s => s.AddSingleton<TimeProvider>(_clock));
        _organization = await _factory.CreateOrganizationAsync();
        _humanId = await HumanAsync(_organization.Client);
    }
}
