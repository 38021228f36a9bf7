using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;
using static Slotflow.Api.Tests.Support.WebhookTestKit;

namespace Slotflow.Api.Tests;

/// <summary>GET /v1/webhooks/{id}/deliveries and its retry: shapes, paging, filters and bad input.</summary>
public sealed class WebhookDeliveriesEndpointTests : ServiceFixture
{
    private static readonly string[] DeliveryFields =
    [
        "id", "webhook_id", "booking_id", "event", "status", "attempt_count", "next_attempt_at", "last_response_code",
        "last_error", "created_at", "delivered_at", "attempts",
    ];

    private static readonly string[] AttemptFields = ["number", "attempted_at", "status_code", "error", "duration_ms"];

    private readonly SettableClock _clock = new(HeldNow);
    private WebhookReceiver _receiver = null!;
    private TestOrganization _organization = null!;
    private string _webhookId = null!;
    private List<string> _bookingIds = null!;

    protected override TimeProvider Clock => _clock;

    protected override Dictionary<string, string?> Settings() => FastWorker();

    [OneTimeSetUp]
    public async Task ThreeDeliveredBookings()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _organization = await Factory.CreateOrganizationAsync();
        (_webhookId, _) = await RegisterAsync(_organization.Client, _receiver.Url, "booking.confirmed");
        var humanId = await HumanAsync(_organization.Client);
        _bookingIds = [];
        for (var slot = 0; slot < 3; slot++)
        {
            _clock.Now = HeldNow.AddMinutes(slot);
            _bookingIds.Add((await BookAsync(_organization.Client, humanId, slot)).GetProperty("id").GetString()!);
        }

        await _receiver.WaitForAcceptedAsync(3);
        await WebhookReceiver.WaitUntilAsync(
            async () => (await DeliveriesAsync(_organization.Client, _webhookId, "?status=delivered")).GetProperty("total").GetInt32() == 3,
            "three delivered");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _receiver.DisposeAsync();
    }

    [Test]
    public async Task List_IsNewestFirst_WithEveryFieldAndAttempt()
    {
        var list = await DeliveriesAsync(_organization.Client, _webhookId);

        var deliveries = list.GetProperty("deliveries").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(list), Is.EqualTo(new[] { "deliveries", "total", "limit", "offset" }));
            Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(list.GetProperty("limit").GetInt32(), Is.EqualTo(50));
            Assert.That(deliveries.Select(d => d.GetProperty("booking_id").GetString()), Is.EqualTo(Enumerable.Reverse(_bookingIds)));
            Assert.That(WireJson.PropertyNames(deliveries[0]), Is.EqualTo(DeliveryFields));
            Assert.That(WireJson.PropertyNames(deliveries[0].GetProperty("attempts")[0]), Is.EqualTo(AttemptFields));
            Assert.That(deliveries[0].GetProperty("webhook_id").GetString(), Is.EqualTo(_webhookId));
            Assert.That(deliveries[0].GetProperty("event").GetString(), Is.EqualTo("booking.confirmed"));
            Assert.That(deliveries[0].GetProperty("last_response_code").GetInt32(), Is.EqualTo(200));
            Assert.That(deliveries[0].GetProperty("delivered_at").GetString(), Does.EndWith("Z"));
        });
    }

    [Test]
    public async Task List_PagesAndFilters()
    {
        var second = await DeliveriesAsync(_organization.Client, _webhookId, "?limit=2&offset=2");
        var failed = await DeliveriesAsync(_organization.Client, _webhookId, "?status=failed");

        Assert.Multiple(() =>
        {
            Assert.That(second.GetProperty("deliveries").GetArrayLength(), Is.EqualTo(1));
            Assert.That(second.GetProperty("deliveries")[0].GetProperty("booking_id").GetString(), Is.EqualTo(_bookingIds[0]));
            Assert.That(second.GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(failed.GetProperty("total").GetInt32(), Is.Zero);
        });
    }

    [TestCase("?status=sent", "status")]
    [TestCase("?limit=0", "limit")]
    [TestCase("?limit=101", "limit")]
    [TestCase("?limit=abc", "limit")]
    [TestCase("?offset=-1", "offset")]
    [TestCase("?offset=1.5", "offset")]
    public async Task List_WithBadParameters_Returns422NamingIt(string query, string field)
    {
        var response = await _organization.Client.GetAsync($"/v1/webhooks/{_webhookId}/deliveries{query}");

        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(error.GetProperty("message").GetString(), Does.Contain(field));
    }

    [TestCase("/v1/webhooks/00000000-0000-0000-0000-000000000001/deliveries")]
    [TestCase("/v1/webhooks/not-a-uuid/deliveries")]
    public async Task List_ForAnUnknownWebhook_Returns404(string path) =>
        await WireJson.AssertErrorAsync(await _organization.Client.GetAsync(path), HttpStatusCode.NotFound, "NOT_FOUND");

    [Test]
    public async Task Retry_OfAnUnknownDelivery_Returns404_AndWithoutAKey401()
    {
        var unknown = await _organization.Client.PostAsync($"/v1/webhooks/{_webhookId}/deliveries/{Guid.NewGuid()}/retry", null);
        var anonymous = await Factory.ClientWith(null).GetAsync($"/v1/webhooks/{_webhookId}/deliveries");

        await WireJson.AssertErrorAsync(unknown, HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(anonymous, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Test]
    public async Task Retry_OfADeliveredDelivery_SendsItOnceMore_WithTheSameDeliveryId()
    {
        var delivered = (await DeliveriesAsync(_organization.Client, _webhookId, "?limit=1")).GetProperty("deliveries")[0];
        var id = delivered.GetProperty("id").GetString()!;
        var attemptsBefore = delivered.GetProperty("attempt_count").GetInt32();
        var acceptedBefore = _receiver.Accepted.Count;

        var retry = await _organization.Client.PostAsync($"/v1/webhooks/{_webhookId}/deliveries/{id}/retry", null);
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await _receiver.WaitForAcceptedAsync(acceptedBefore + 1);
        await WaitForDeliveryAsync(_organization.Client, _webhookId, d => d.GetProperty("id").GetString() == id && Attempts(attemptsBefore + 1, "delivered")(d), "redelivered");

        Assert.That(_receiver.Accepted[^1].DeliveryId, Is.EqualTo(id));
    }
}
