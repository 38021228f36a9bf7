using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Slotflow.Api.Tests.Support;

/// <summary>Registering webhooks, booking, reading deliveries, and checking signatures the way a receiver would.</summary>
internal static class WebhookTestKit
{
    /// <summary>Monday noon UTC; the human works weekdays 09:00–17:00 UTC.</summary>
    public static readonly DateTimeOffset HeldNow = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public const string Rules = """{"working_days":[1,2,3,4,5,6,7],"work_start":"08:00","work_end":"20:00","meeting_durations":[30]}""";

    /// <summary>Fast polling so tests wait on deliveries for milliseconds, not seconds.</summary>
    public static Dictionary<string, string?> FastWorker(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["Webhooks:PollInterval"] = "00:00:00.050" };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    public static async Task<(string Id, string Secret)> RegisterAsync(HttpClient client, string url, params string[] events)
    {
        var body = JsonSerializer.Serialize(new { url, events = events.Length == 0 ? ["booking.confirmed", "booking.cancelled"] : events });
        var response = await client.PostAsync("/v1/webhooks", WireJson.Body(body));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var webhook = await WireJson.ReadAsync(response);
        return (webhook.GetProperty("id").GetString()!, webhook.GetProperty("signing_secret").GetString()!);
    }

    public static async Task<string> HumanAsync(HttpClient client) => await HumanSetup.CreateAsync(client, "UTC", Rules);

    /// <summary>Books the n-th 30-minute slot after the held clock (08:00–20:00 UTC daily, from Tuesday on).</summary>
    public static async Task<JsonElement> BookAsync(HttpClient client, string humanId, int slot = 0, string metadata = "null")
    {
        var start = new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero).AddDays(slot / 24).AddMinutes(slot % 24 * 30);
        var response = await client.PostAsync("/v1/bookings", WireJson.Body(
            $$"""{"human_id":"{{humanId}}","starts_at":"{{start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}","duration":30,"attendee_name":"Ada Lovelace","attendee_email":"ada@example.com","metadata":{{metadata}}}"""));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await WireJson.ReadAsync(response);
    }

    public static async Task<JsonElement> DeliveriesAsync(HttpClient client, string webhookId, string query = "")
    {
        var response = await client.GetAsync($"/v1/webhooks/{webhookId}/deliveries{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await WireJson.ReadAsync(response);
    }

    public static async Task<JsonElement> OnlyDeliveryAsync(HttpClient client, string webhookId)
    {
        var deliveries = (await DeliveriesAsync(client, webhookId)).GetProperty("deliveries");
        Assert.That(deliveries.GetArrayLength(), Is.EqualTo(1), deliveries.ToString());
        return deliveries[0];
    }

    public static Task WaitForDeliveryAsync(HttpClient client, string webhookId, Func<JsonElement, bool> condition, string what) =>
        WebhookReceiver.WaitUntilAsync(
            async () => (await DeliveriesAsync(client, webhookId)).GetProperty("deliveries").EnumerateArray().Any(condition), what);

    public static Func<JsonElement, bool> Attempts(int count, string status) =>
        d => d.GetProperty("attempt_count").GetInt32() == count && d.GetProperty("status").GetString() == status;

    /// <summary>Spec §9, computed independently of the service: hex HMAC-SHA256 of "t.body" keyed with the whole secret.</summary>
    public static bool SlotflowSignatureIsValid(string header, string body, string secret)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{parts["t"]}.{body}"));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(expected)), Encoding.ASCII.GetBytes(parts["v1"]));
    }

    /// <summary>Standard Webhooks: base64 HMAC-SHA256 of "id.timestamp.body" keyed with the base64 part of the secret.</summary>
    public static bool StandardSignatureIsValid(ReceivedWebhook received, string body, string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = $"{received.Header("webhook-id")}.{received.Header("webhook-timestamp")}.{body}";
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(signed)));
        return received.Header("webhook-signature").Split(' ').Contains(expected);
    }

    public static DateTimeOffset Instant(JsonElement element) =>
        DateTimeOffset.Parse(element.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
