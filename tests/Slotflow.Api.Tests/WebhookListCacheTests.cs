using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;
using static Slotflow.Api.Tests.Support.WebhookTestKit;

namespace Slotflow.Api.Tests;

/// <summary>
/// A booking's outbox uses the organization's webhook list kept at the organization version its first read saw: a
/// webhook registered or deleted since must be seen by the very next booking.
/// </summary>
public sealed class WebhookListCacheTests : ServiceFixture
{
    private readonly SettableClock _clock = new(HeldNow);

    protected override TimeProvider Clock => _clock;

    protected override Dictionary<string, string?> Settings() => new() { ["Webhooks:WorkerEnabled"] = "false" };

    [Test]
    public async Task TheNextBooking_AfterAWebhookIsRegisteredOrDeleted_IsEnqueuedForExactlyTheWebhooksThen()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var client = organization.Client;
        var humanId = await HumanAsync(client);
        var (first, _) = await RegisterAsync(client, "https://hooks.example.com/first", "booking.confirmed");
        await BookAsync(client, humanId, slot: 0); // the list is read and kept

        var (second, _) = await RegisterAsync(client, "https://hooks.example.com/second", "booking.confirmed");
        await BookAsync(client, humanId, slot: 1);
        Assert.Multiple(async () =>
        {
            Assert.That(await TotalAsync(client, first), Is.EqualTo(2));
            Assert.That(await TotalAsync(client, second), Is.EqualTo(1), "the webhook registered after the list was kept");
        });

        var deleted = await client.DeleteAsync($"/v1/webhooks/{first}");
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await BookAsync(client, humanId, slot: 2); // a delivery for the deleted webhook could not be saved: no 201

        Assert.That(await TotalAsync(client, second), Is.EqualTo(2));
    }

    private static async Task<int> TotalAsync(HttpClient client, string webhookId) =>
        (await DeliveriesAsync(client, webhookId)).GetProperty("total").GetInt32();
}
