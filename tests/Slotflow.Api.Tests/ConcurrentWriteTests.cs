using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;
using static Slotflow.Api.Tests.Support.WebhookTestKit;

namespace Slotflow.Api.Tests;

/// <summary>
/// Every writing endpoint raced against itself over real HTTP: twenty identical or conflicting requests at once never
/// get a 5xx, each gets the answer the rules give a lone request, and what is left is what some order of them would
/// leave. Bookings (BookingRaceTests, BookingQuotaTests), human creates (HumanCapTests) and webhook creates at the
/// plan's cap (WebhooksEndpointTests) race in their own tests.
/// </summary>
public sealed class ConcurrentWriteTests : ServiceFixture
{
    private const int Racers = 20;

    /// <summary>A race is not lost every time; the endpoints that could only lose one now and then race this often.</summary>
    private const int Rounds = 10;
    private const string AdminKey = "sk_admin_0123456789abcdefghijklmnopqrstuv";

    // Racing writers that stamp a time stamp different ones.
    private readonly TickingClock _clock = new(HeldNow);
    private WebhookReceiver _receiver = null!;
    private TestOrganization _organization = null!;

    protected override TimeProvider Clock => _clock;

    protected override Dictionary<string, string?> Settings() => FastWorker(new() { ["Admin:ApiKeys:0"] = AdminKey });

    [OneTimeSetUp]
    public async Task ArrangeFixture()
    {
        _receiver = await WebhookReceiver.StartAsync();
    }

    [OneTimeTearDown]
    public async Task DisposeFixture()
    {
        await _receiver.DisposeAsync();
    }

    [SetUp]
    public async Task NewOrganization() => _organization = await Factory.CreateOrganizationAsync();

    // --- /admin/v1 ---------------------------------------------------------------------------------------------------

    [Test]
    public async Task PlanChangesOfOneOrganization_AllAnswer200_AndTheOrganizationKeepsOneOfThem()
    {
        string[] bodies = ["""{"plan":"starter","auto_purchase":true}""", """{"plan":"growth","auto_purchase":false}"""];

        for (var round = 0; round < Rounds; round++)
        {
            var answers = await RaceAsync(AdminKey, (client, i) =>
                client.PatchAsync($"/admin/v1/organizations/{_organization.Id}", WireJson.Body(bodies[i % 2])));

            Assert.That(answers.Select(a => a.Status), Has.All.EqualTo(200), $"round {round}: {Summary(answers)}");
            for (var i = 0; i < Racers; i++)
            {
                Assert.That(PlanOf(answers[i].Body), Is.EqualTo(PlanOf(bodies[i % 2])), $"round {round}: request {i} answers the change it made");
            }

            var organization = await ReadAsync(AdminKey, $"/admin/v1/organizations/{_organization.Id}");
            Assert.That(PlanOf(organization.GetRawText()), Is.AnyOf(PlanOf(bodies[0]), PlanOf(bodies[1])), $"round {round}");
        }
    }

    [Test]
    public async Task ApiKeyCreates_AllAnswer201_WithTwentyDistinctKeysThatWork()
    {
        var answers = await RaceAsync(AdminKey, (client, i) =>
            client.PostAsync($"/admin/v1/organizations/{_organization.Id}/api-keys", WireJson.Body($$"""{"name":"key {{i}}"}""")));

        Assert.That(answers.Select(a => a.Status), Has.All.EqualTo(201), Summary(answers));
        var keys = answers.Select(a => Json(a.Body).GetProperty("api_key").GetString()!).ToList();
        Assert.That(keys.Distinct().Count(), Is.EqualTo(Racers));
        var listed = (await ReadAsync(AdminKey, $"/admin/v1/organizations/{_organization.Id}/api-keys")).GetProperty("api_keys");
        Assert.That(listed.GetArrayLength(), Is.EqualTo(Racers + 1), "the first key and the twenty");
        foreach (var key in keys.Take(3))
        {
            using var client = Factory.ClientWith(key);
            Assert.That((await client.GetAsync("/v1/humans")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task RevokesOfOneApiKey_AllAnswer200_WithTheOneRevocationTimeThatIsKept()
    {
        var created = await PostAsync(AdminKey, $"/admin/v1/organizations/{_organization.Id}/api-keys", """{"name":"doomed"}""");
        var keyId = created.GetProperty("id").GetString();

        var answers = await RaceAsync(AdminKey, (client, _) => client.DeleteAsync($"/admin/v1/organizations/{_organization.Id}/api-keys/{keyId}"));

        Assert.That(answers.Select(a => a.Status), Has.All.EqualTo(200), Summary(answers));
        var listed = (await ReadAsync(AdminKey, $"/admin/v1/organizations/{_organization.Id}/api-keys")).GetProperty("api_keys")
            .EnumerateArray().Single(k => k.GetProperty("id").GetString() == keyId);
        var kept = listed.GetProperty("revoked_at").GetString();
        Assert.That(kept, Is.Not.Null);
        Assert.That(answers.Select(a => Json(a.Body).GetProperty("revoked_at").GetString()), Has.All.EqualTo(kept),
            "every revoke answers the first revocation time, the one kept");
        using var revoked = Factory.ClientWith(created.GetProperty("api_key").GetString());
        await WireJson.AssertErrorAsync(await revoked.GetAsync("/v1/humans"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Test]
    public async Task OrganizationCreates_AllAnswer201_WithTwentyDistinctOrganizations()
    {
        var answers = await RaceAsync(AdminKey, (client, i) =>
            client.PostAsync("/admin/v1/organizations", WireJson.Body($$"""{"name":"Racing {{i}}","plan":"starter"}""")));

        Assert.That(answers.Select(a => a.Status), Has.All.EqualTo(201), Summary(answers));
        Assert.That(answers.Select(a => Json(a.Body).GetProperty("id").GetString()).Distinct().Count(), Is.EqualTo(Racers));
    }

    // --- /v1 ---------------------------------------------------------------------------------------------------------

    [Test]
    public async Task AvailabilityReplacements_AllAnswer200_AndTheHumanKeepsOneOfThem()
    {
        var humanId = await HumanAsync(_organization.Client);
        string[] rules =
        [
            """{"working_days":[1,2,3],"work_start":"09:00","work_end":"12:00","meeting_durations":[15],"slot_interval":null,"buffer_before":0,"buffer_after":0,"minimum_notice":0,"booking_horizon_days":null,"daily_booking_limit":null,"weekly_booking_limit":null,"weekly_hours":null}""",
            """{"working_days":[4,5],"work_start":"13:00","work_end":"18:00","meeting_durations":[45,60],"slot_interval":15,"buffer_before":10,"buffer_after":5,"minimum_notice":60,"booking_horizon_days":30,"daily_booking_limit":4,"weekly_booking_limit":12,"weekly_hours":null}""",
        ];

        var answers = await RaceAsync(_organization.ApiKey, (client, i) =>
            client.PutAsync($"/v1/humans/{humanId}/availability", WireJson.Body(rules[i % 2])));

        Assert.That(answers.Select(a => a.Status), Has.All.EqualTo(200), Summary(answers));
        var kept = (await ReadAsync(_organization.ApiKey, $"/v1/humans/{humanId}")).GetProperty("availability_rules").GetRawText();
        Assert.That(Compact(kept), Is.AnyOf(Compact(rules[0]), Compact(rules[1])));
    }

    [Test]
    public async Task OverrideCreates_AllAnswer201_AndAllTwentyAreKept()
    {
        var humanId = await HumanAsync(_organization.Client);

        var answers = await RaceAsync(_organization.ApiKey, (client, i) => client.PostAsync(
            $"/v1/humans/{humanId}/overrides",
            WireJson.Body($$"""{"type":"block","title":"Block {{i}}","all_day":true,"start_date":"2026-04-{{i + 1:00}}"}""")));

        Assert.That(answers.Select(a => a.Status), Has.All.EqualTo(201), Summary(answers));
        var listed = (await ReadAsync(_organization.ApiKey, $"/v1/humans/{humanId}/overrides")).GetProperty("overrides");
        Assert.That(
            listed.EnumerateArray().Select(o => o.GetProperty("id").GetString()),
            Is.EquivalentTo(answers.Select(a => Json(a.Body).GetProperty("id").GetString())));
    }

    [Test]
    public async Task DeletesOfOneOverride_GiveOne200_AndNotFoundToTheRest()
    {
        var humanId = await HumanAsync(_organization.Client);
        var overrideId = await HumanSetup.AddOverrideAsync(
            _organization.Client, humanId, """{"type":"block","all_day":true,"start_date":"2026-04-01"}""");

        var answers = await RaceAsync(_organization.ApiKey, (client, _) => client.DeleteAsync($"/v1/humans/{humanId}/overrides/{overrideId}"));

        AssertOneWinnerAndNotFound(answers);
        var listed = (await ReadAsync(_organization.ApiKey, $"/v1/humans/{humanId}/overrides")).GetProperty("overrides");
        Assert.That(listed.GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task DeletesOfOneHuman_GiveOne200_AndNotFoundToTheRest()
    {
        var humanId = await HumanAsync(_organization.Client);

        var answers = await RaceAsync(_organization.ApiKey, (client, _) => client.DeleteAsync($"/v1/humans/{humanId}"));

        AssertOneWinnerAndNotFound(answers);
        using var client = Factory.ClientWith(_organization.ApiKey);
        await WireJson.AssertErrorAsync(await client.GetAsync($"/v1/humans/{humanId}"), HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Test]
    public async Task CreatesOfOneWebhookUrl_GiveOne201_AndTheRestAreRefusedAsAlreadyRegistered()
    {
        var body = JsonSerializer.Serialize(new { url = _receiver.Url, events = new[] { "booking.confirmed" } });

        var answers = await RaceAsync(_organization.ApiKey, (client, _) => client.PostAsync("/v1/webhooks", WireJson.Body(body)));

        Assert.Multiple(() =>
        {
            Assert.That(answers.Count(a => a.Status == 201), Is.EqualTo(1), Summary(answers));
            Assert.That(answers.Where(a => a.Status != 201).Select(a => ErrorCode(a.Body)), Has.All.EqualTo("VALIDATION_ERROR"), Summary(answers));
        });
        var listed = (await ReadAsync(_organization.ApiKey, "/v1/webhooks")).GetProperty("webhooks");
        Assert.That(listed.GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task DeletesOfOneWebhook_GiveOne200_AndNotFoundToTheRest()
    {
        var (webhookId, _) = await RegisterAsync(_organization.Client, _receiver.Url);

        var answers = await RaceAsync(_organization.ApiKey, (client, _) => client.DeleteAsync($"/v1/webhooks/{webhookId}"));

        AssertOneWinnerAndNotFound(answers);
        var listed = (await ReadAsync(_organization.ApiKey, "/v1/webhooks")).GetProperty("webhooks");
        Assert.That(listed.GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task RetriesOfOneDelivery_AllAnswer202_WhileTheWorkerSendsIt_AndItEndsDelivered()
    {
        var (webhookId, _) = await RegisterAsync(_organization.Client, _receiver.Url, "booking.confirmed");
        await BookAsync(_organization.Client, await HumanAsync(_organization.Client));
        var deliveryId = (await OnlyDeliveryAsync(_organization.Client, webhookId)).GetProperty("id").GetString();

        var answers = await RaceAsync(_organization.ApiKey, (client, _) =>
            client.PostAsync($"/v1/webhooks/{webhookId}/deliveries/{deliveryId}/retry", null));

        Assert.That(answers.Select(a => a.Status), Has.All.EqualTo(202), Summary(answers));
        await WaitForDeliveryAsync(_organization.Client, webhookId, d => d.GetProperty("status").GetString() == "delivered", "delivered");
        var delivery = await OnlyDeliveryAsync(_organization.Client, webhookId);
        Assert.That(delivery.GetProperty("attempt_count").GetInt32(), Is.InRange(1, Racers + 1));
        Assert.That(
            await Factory.QueryAsync(db => db.WebhookDeliveries.CountAsync(d => d.WebhookId == Guid.Parse(webhookId))),
            Is.EqualTo(1), "retries add attempts, never deliveries");
    }

    // --- support -----------------------------------------------------------------------------------------------------

    /// <summary>Sends the requests at once, each on its own connection; answers in request order, none of them a 5xx.</summary>
    private async Task<List<(int Status, string Body)>> RaceAsync(string apiKey, Func<HttpClient, int, Task<HttpResponseMessage>> send)
    {
        var clients = Enumerable.Range(0, Racers).Select(_ => Factory.ClientWith(apiKey)).ToList();
        // Connections opened first, so that the racers start together rather than one connection set-up apart.
        foreach (var opened in await Task.WhenAll(clients.Select(c => c.GetAsync("/health/live"))))
        {
            opened.Dispose();
        }

        using var gate = new SemaphoreSlim(0);
        var sends = clients.Select(async (client, i) =>
        {
            await gate.WaitAsync();
            using var response = await send(client, i);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }).ToList();
        gate.Release(Racers);
        var answers = (await Task.WhenAll(sends)).ToList();
        clients.ForEach(c => c.Dispose());

        Assert.That(answers.Select(a => a.Item1), Has.None.GreaterThanOrEqualTo(500), Summary(answers));
        return answers;
    }

    private static void AssertOneWinnerAndNotFound(List<(int Status, string Body)> answers) =>
        Assert.Multiple(() =>
        {
            Assert.That(answers.Count(a => a.Status == 200), Is.EqualTo(1), Summary(answers));
            Assert.That(answers.Where(a => a.Status != 200).Select(a => (a.Status, ErrorCode(a.Body))), Has.All.EqualTo((404, "NOT_FOUND")), Summary(answers));
        });

    private async Task<JsonElement> ReadAsync(string apiKey, string path)
    {
        using var client = Factory.ClientWith(apiKey);
        var response = await client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await WireJson.ReadAsync(response);
    }

    private async Task<JsonElement> PostAsync(string apiKey, string path, string body)
    {
        using var client = Factory.ClientWith(apiKey);
        var response = await client.PostAsync(path, WireJson.Body(body));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await WireJson.ReadAsync(response);
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static string? ErrorCode(string body) =>
        Json(body).TryGetProperty("error", out var error) ? error.GetProperty("code").GetString() : null;

    private static (string?, bool) PlanOf(string json)
    {
        var organization = Json(json);
        return (organization.GetProperty("plan").GetString(), organization.GetProperty("auto_purchase").GetBoolean());
    }

    private static string Compact(string json) => JsonSerializer.Serialize(Json(json));

    private static string Summary(IEnumerable<(int Status, string Body)> answers) =>
        string.Join(", ", answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()}×{g.Key} (e.g. {g.First().Body})"));

    /// <summary>Real time on from a held instant, but at least a millisecond later on every reading.</summary>
    private sealed class TickingClock(DateTimeOffset start) : TimeProvider
    {
        private readonly long _origin = Stopwatch.GetTimestamp();
        private long _lastTicks;

        public override DateTimeOffset GetUtcNow()
        {
            var elapsed = Stopwatch.GetElapsedTime(_origin).Ticks;
            long last, next;
            do
            {
                last = Volatile.Read(ref _lastTicks);
                next = Math.Max(elapsed, last + TimeSpan.TicksPerMillisecond);
            }
            while (Interlocked.CompareExchange(ref _lastTicks, next, last) != last);

            return start.AddTicks(next);
        }
    }
}
