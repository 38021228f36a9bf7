using System.Text.Json;
using Moq;
using Slotflow.Api.Wire;
using Slotflow.Application.Webhooks.EnqueueDeliveries;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Application.Tests.Webhooks;

/// <summary>
/// The outbox step with the repositories mocked: one delivery per subscribed webhook, carrying the spec §9 body.
/// A booking made at 2026-03-01T00:00Z for Monday 2026-03-16 14:00Z, 30 minutes.
/// </summary>
public sealed class EnqueueWebhookDeliveriesHandlerTests
{
    private const string Metadata = """{"source":"agent","nested":{"list":[1,"two",{"three":null}],"ok":true},"note":"Zoë 🙂","price":1.50}""";

    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayTwo = new(2026, 3, 16, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset CancelledAt = new(2026, 3, 2, 9, 30, 15, 250, TimeSpan.Zero);

    private Mock<IWebhookRepository> _webhooks = null!;
    private Mock<IWebhookDeliveryRepository> _deliveries = null!;
    private List<Webhook> _registered = null!;
    private List<WebhookDelivery> _added = null!;
    private Guid _organizationId;
    private Booking _booking = null!;
    private EnqueueWebhookDeliveriesHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _organizationId = Guid.NewGuid();
        _webhooks = new Mock<IWebhookRepository>();
        _deliveries = new Mock<IWebhookDeliveryRepository>();
        _registered = [];
        _added = [];
        _webhooks.Setup(w => w.ListForOutboxAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => []);
        _webhooks.Setup(w => w.ListForOutboxAsync(_organizationId, It.IsAny<CancellationToken>())).ReturnsAsync(() => [.. _registered]);
        _deliveries.Setup(d => d.Add(It.IsAny<WebhookDelivery>())).Callback<WebhookDelivery>(_added.Add);
        _booking = Booking.Confirm(_organizationId, Guid.NewGuid(), MondayTwo, 30, "Ada Lovelace", "ada@example.com", Metadata, Now);
        _handler = new EnqueueWebhookDeliveriesHandler(_webhooks.Object, _deliveries.Object, new WireJsonWebhookPayloads());
    }

    [Test]
    public async Task BookingConfirmed_AddsOneDeliveryPerWebhookSubscribedToIt()
    {
        var confirmed = Subscribe(Webhook.BookingConfirmed);
        var both = Subscribe(Webhook.BookingCancelled, Webhook.BookingConfirmed);
        _ = Subscribe(Webhook.BookingCancelled);

        await _handler.Handle(new BookingConfirmed(_booking), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(_added.Select(d => d.WebhookId), Is.EquivalentTo(new[] { confirmed.Id, both.Id }));
            Assert.That(_added.Select(d => d.Event), Is.All.EqualTo(Webhook.BookingConfirmed));
            Assert.That(_added.Select(d => d.BookingId), Is.All.EqualTo(_booking.Id));
            Assert.That(_added.Select(d => d.OrganizationId), Is.All.EqualTo(_organizationId));
            Assert.That(_added.Select(d => d.CreatedAt), Is.All.EqualTo(Now));
            Assert.That(_added.Select(d => d.Status), Is.All.EqualTo(WebhookDeliveryStatus.Pending));
            Assert.That(_added.Select(d => d.Id).Distinct().Count(), Is.EqualTo(2));
            Assert.That(_added[0].Payload, Is.EqualTo(_added[1].Payload));
        });
    }

    [Test]
    public async Task BookingConfirmed_WithNoWebhookSubscribedToIt_AddsNothing()
    {
        _ = Subscribe(Webhook.BookingCancelled);

        await _handler.Handle(new BookingConfirmed(_booking), CancellationToken.None);

        _deliveries.Verify(d => d.Add(It.IsAny<WebhookDelivery>()), Times.Never);
    }

    [Test]
    public async Task BookingConfirmed_WithNoWebhooksAtAll_AddsNothing()
    {
        await _handler.Handle(new BookingConfirmed(_booking), CancellationToken.None);

        _webhooks.Verify(w => w.ListForOutboxAsync(_organizationId, It.IsAny<CancellationToken>()), Times.Once);
        _deliveries.Verify(d => d.Add(It.IsAny<WebhookDelivery>()), Times.Never);
    }

    [Test]
    public async Task BookingCancelled_AddsOneDeliveryPerWebhookSubscribedToIt_CreatedWhenItWasCancelled()
    {
        var cancelled = Subscribe(Webhook.BookingCancelled);
        var both = Subscribe(Webhook.BookingConfirmed, Webhook.BookingCancelled);
        _ = Subscribe(Webhook.BookingConfirmed);
        _booking.Cancel(CancelledAt);

        await _handler.Handle(_booking.DomainEvents.OfType<BookingCancelled>().Single(), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(_added.Select(d => d.WebhookId), Is.EquivalentTo(new[] { cancelled.Id, both.Id }));
            Assert.That(_added.Select(d => d.Event), Is.All.EqualTo(Webhook.BookingCancelled));
            Assert.That(_added.Select(d => d.CreatedAt), Is.All.EqualTo(CancelledAt));
            Assert.That(_added.Select(d => d.NextAttemptAt), Is.All.EqualTo(CancelledAt));
        });
    }

    [Test]
    public async Task BookingCancelled_WithNoWebhookSubscribedToIt_AddsNothing()
    {
        _ = Subscribe(Webhook.BookingConfirmed);
        _booking.Cancel(CancelledAt);

        await _handler.Handle(_booking.DomainEvents.OfType<BookingCancelled>().Single(), CancellationToken.None);

        _deliveries.Verify(d => d.Add(It.IsAny<WebhookDelivery>()), Times.Never);
    }

    [Test]
    public async Task BookingConfirmed_Payload_IsTheEventItsTimeAndTheCompleteBooking()
    {
        _ = Subscribe(Webhook.BookingConfirmed);

        await _handler.Handle(new BookingConfirmed(_booking), CancellationToken.None);

        using var payload = JsonDocument.Parse(_added.Single().Payload);
        var root = payload.RootElement;
        var data = root.GetProperty("data");
        Assert.Multiple(() =>
        {
            Assert.That(Names(root), Is.EquivalentTo(new[] { "event", "created_at", "data" }));
            Assert.That(root.GetProperty("event").GetString(), Is.EqualTo("booking.confirmed"));
            Assert.That(root.GetProperty("created_at").GetString(), Is.EqualTo("2026-03-01T00:00:00.000Z"));
            Assert.That(
                Names(data),
                Is.EquivalentTo(new[]
                {
                    "id", "human_id", "starts_at", "ends_at", "duration_minutes", "attendee_name", "attendee_email", "status", "metadata", "created_at",
                }));
            Assert.That(data.GetProperty("id").GetString(), Is.EqualTo(_booking.Id.ToString("D")));
            Assert.That(data.GetProperty("human_id").GetString(), Is.EqualTo(_booking.HumanId.ToString("D")));
            Assert.That(data.GetProperty("starts_at").GetString(), Is.EqualTo("2026-03-16T14:00:00.000Z"));
            Assert.That(data.GetProperty("ends_at").GetString(), Is.EqualTo("2026-03-16T14:30:00.000Z"));
            Assert.That(data.GetProperty("duration_minutes").GetInt32(), Is.EqualTo(30));
            Assert.That(data.GetProperty("attendee_name").GetString(), Is.EqualTo("Ada Lovelace"));
            Assert.That(data.GetProperty("attendee_email").GetString(), Is.EqualTo("ada@example.com"));
            Assert.That(data.GetProperty("status").GetString(), Is.EqualTo("confirmed"));
            Assert.That(data.GetProperty("created_at").GetString(), Is.EqualTo("2026-03-01T00:00:00.000Z"));
        });
    }

    [Test]
    public async Task BookingCancelled_Payload_NamesTheEvent_IsCreatedAtTheCancellation_AndShowsTheBookingCancelled()
    {
        _ = Subscribe(Webhook.BookingCancelled);
        _booking.Cancel(CancelledAt);

        await _handler.Handle(_booking.DomainEvents.OfType<BookingCancelled>().Single(), CancellationToken.None);

        using var payload = JsonDocument.Parse(_added.Single().Payload);
        var root = payload.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("event").GetString(), Is.EqualTo("booking.cancelled"));
            Assert.That(root.GetProperty("created_at").GetString(), Is.EqualTo("2026-03-02T09:30:15.250Z"));
            Assert.That(root.GetProperty("data").GetProperty("status").GetString(), Is.EqualTo("cancelled"));
            Assert.That(root.GetProperty("data").GetProperty("created_at").GetString(), Is.EqualTo("2026-03-01T00:00:00.000Z"));
        });
    }

    [Test]
    public async Task Payload_CarriesTheMetadataObjectIntact()
    {
        _ = Subscribe(Webhook.BookingConfirmed);

        await _handler.Handle(new BookingConfirmed(_booking), CancellationToken.None);

        var raw = _added.Single().Payload;
        using var payload = JsonDocument.Parse(raw);
        var metadata = payload.RootElement.GetProperty("data").GetProperty("metadata");
        using var sent = JsonDocument.Parse(Metadata);
        Assert.Multiple(() =>
        {
            Assert.That(metadata.ValueKind, Is.EqualTo(JsonValueKind.Object));
            Assert.That(JsonElement.DeepEquals(metadata, sent.RootElement), Is.True, raw);
            Assert.That(metadata.GetProperty("note").GetString(), Is.EqualTo("Zoë 🙂"));
            Assert.That(metadata.GetProperty("nested").GetProperty("list").GetArrayLength(), Is.EqualTo(3));
            Assert.That(metadata.GetProperty("nested").GetProperty("list")[2].GetProperty("three").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(metadata.GetProperty("price").GetRawText(), Is.EqualTo("1.50"));
            Assert.That(raw, Does.Contain("\"price\":1.50"));
        });
    }

    [Test]
    public async Task Payload_WithoutMetadataOrEmail_WritesThemAsNull()
    {
        _booking = Booking.Confirm(_organizationId, Guid.NewGuid(), MondayTwo, 30, "Ada Lovelace", null, null, Now);
        _ = Subscribe(Webhook.BookingConfirmed);

        await _handler.Handle(new BookingConfirmed(_booking), CancellationToken.None);

        using var payload = JsonDocument.Parse(_added.Single().Payload);
        var data = payload.RootElement.GetProperty("data");
        Assert.Multiple(() =>
        {
            Assert.That(data.GetProperty("metadata").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(data.GetProperty("attendee_email").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    private Webhook Subscribe(params string[] events)
    {
        var webhook = Webhook.Create(_organizationId, $"https://example.com/{Guid.NewGuid():N}", events, Now);
        _registered.Add(webhook);
        return webhook;
    }

    private static List<string> Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
