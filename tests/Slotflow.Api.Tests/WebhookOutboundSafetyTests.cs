using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;
using Slotflow.Domain.Webhooks;
using static Slotflow.Api.Tests.Support.WebhookTestKit;

namespace Slotflow.Api.Tests;

/// <summary>
/// In Production, without configuration allowing it, webhooks may not target loopback, private, link-local or
/// metadata addresses: refused when registered, and refused again when sent (a row that got past registration, or a
/// name that resolves elsewhere since).
/// </summary>
public sealed class WebhookOutboundSafetyTests : ServiceFixture
{
    private readonly SettableClock _clock = new(HeldNow);

    protected override TimeProvider Clock => _clock;

    protected override string Environment => "Production";

    protected override Dictionary<string, string?> Settings() => FastWorker(new() { ["Webhooks:AllowPrivateTargets"] = "false" });

    [TestCase("http://127.0.0.1:8080/hooks")]
    [TestCase("http://localhost/hooks")]
    [TestCase("http://[::1]/hooks")]
    [TestCase("http://10.1.2.3/hooks")]
    [TestCase("https://172.16.0.10/hooks")]
    [TestCase("https://192.168.1.1/hooks")]
    [TestCase("http://169.254.169.254/latest/meta-data/")]
    [TestCase("http://[fd00:ec2::254]/latest/meta-data/")]
    [TestCase("http://[::ffff:127.0.0.1]/hooks")]
    [TestCase("http://0.0.0.0/hooks")]
    public async Task Registering_ANonPublicTarget_Returns422_AndStoresNothing(string url)
    {
        var organization = await Factory.CreateOrganizationAsync();

        var response = await organization.Client.PostAsync("/v1/webhooks", WireJson.Body(JsonSerializer.Serialize(new { url, events = new[] { "booking.confirmed" } })));

        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("url"));
        Assert.That((await WireJson.ReadAsync(await organization.Client.GetAsync("/v1/webhooks"))).GetProperty("total").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task Registering_AHostLongerThanDnsAllows_Returns422()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var host = string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".example.com";

        var response = await organization.Client.PostAsync("/v1/webhooks", WireJson.Body(JsonSerializer.Serialize(new { url = $"https://{host}/h", events = new[] { "booking.confirmed" } })));

        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("could not be resolved"));
    }

    [Test]
    public async Task Registering_APublicAddress_IsAccepted()
    {
        var organization = await Factory.CreateOrganizationAsync();

        var response = await organization.Client.PostAsync("/v1/webhooks", WireJson.Body("""{"url":"https://93.184.215.14/hooks","events":["booking.confirmed"]}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Sending_ToALoopbackTarget_IsRefusedAtConnectTime_AndRecordedAsAFailedAttempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var organization = await Factory.CreateOrganizationAsync();
        var webhook = Webhook.Create(organization.Id, receiver.Url, [Webhook.BookingConfirmed], HeldNow);
        await Factory.QueryAsync(db =>
        {
            db.Webhooks.Add(webhook); // as if registration had been bypassed, or the name resolved elsewhere then
            return db.SaveChangesAsync();
        });

        await BookAsync(organization.Client, await HumanAsync(organization.Client));
        await WaitForDeliveryAsync(organization.Client, webhook.Id.ToString(), Attempts(1, "pending"), "the refused attempt");

        var delivery = await OnlyDeliveryAsync(organization.Client, webhook.Id.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(receiver.Calls, Is.Zero, "nothing reached the loopback receiver");
            Assert.That(delivery.GetProperty("last_response_code").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(delivery.GetProperty("last_error").GetString(), Does.Contain("no address a webhook may be sent to"));
        });
    }
}
