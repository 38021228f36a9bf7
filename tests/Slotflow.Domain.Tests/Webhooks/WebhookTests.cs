using Slotflow.Domain.Common;
using Slotflow.Domain.Organizations;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Domain.Tests.Webhooks;

public sealed class WebhookTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Create_GivesASecretOf32RandomBytes()
    {
        var webhook = Webhook.Create(Guid.NewGuid(), "https://example.com/h", [Webhook.BookingConfirmed], Now);

        var encoded = webhook.SigningSecret["whsec_".Length..];
        Assert.Multiple(() =>
        {
            Assert.That(webhook.SigningSecret, Does.StartWith("whsec_"));
            Assert.That(Convert.FromBase64String(encoded), Has.Length.EqualTo(32));
        });
    }

    [TestCase("https://example.com/h", true)]
    [TestCase("http://127.0.0.1:8080/hook?x=1", true)]
    [TestCase("ftp://example.com/h", false)]
    [TestCase("/relative", false)]
    [TestCase("https://", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    public void IsValidUrl_AcceptsOnlyAbsoluteHttpAndHttps(string? url, bool expected) =>
        Assert.That(Webhook.IsValidUrl(url), Is.EqualTo(expected));

    [Test]
    public void Create_WithUnknownOrRepeatedEvents_IsRefused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Webhook.Create(Guid.NewGuid(), "https://example.com/h", ["booking.created"], Now), Throws.TypeOf<DomainException>());
            Assert.That(() => Webhook.Create(Guid.NewGuid(), "https://example.com/h", [Webhook.BookingConfirmed, Webhook.BookingConfirmed], Now), Throws.TypeOf<DomainException>());
            Assert.That(() => Webhook.Create(Guid.NewGuid(), "https://example.com/h", [], Now), Throws.TypeOf<DomainException>());
        });
    }

    [TestCase(Plan.Free, 1, false)]
    [TestCase(Plan.Free, 2, true)]
    [TestCase(Plan.Starter, 9, false)]
    [TestCase(Plan.Starter, 10, true)]
    [TestCase(Plan.Growth, 1000, false)]
    public void ClaimWebhookSlot_RefusesOnlyAtThePlansCap(Plan plan, int existing, bool refused)
    {
        var organization = Organization.Create("Acme", plan, autoPurchase: false, Now);

        if (refused)
        {
            var error = Assert.Throws<DomainException>(() => organization.ClaimWebhookSlot(existing));
            Assert.That(error!.Code, Is.EqualTo(ErrorCode.LimitReached));
            Assert.That(organization.Version, Is.Zero);
        }
        else
        {
            organization.ClaimWebhookSlot(existing);
            Assert.That(organization.Version, Is.EqualTo(1));
        }
    }
}
