#if SLOTFLOW_POSTGRES
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>
/// Scale-out on PostgreSQL: two real API processes (the built Slotflow.Api.dll, two ports) on one database, with the
/// races of the bookings issue fired at both at once. The database, not either process, keeps the rules: one winner
/// per contested interval, no quota overrun, and each webhook delivery sent once with both workers running.
/// </summary>
public sealed partial class TwoProcessTests
{
    private const int Rounds = 20;
    private static readonly DateOnly FirstDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);

    private TestDatabase _database = null!;
    private WebhookReceiver _receiver = null!;
    private ApiProcess _one = null!;
    private ApiProcess _two = null!;

    [OneTimeSetUp]
    public async Task StartTwoServices()
    {
        _database = TestDatabase.Create();
        _receiver = await WebhookReceiver.StartAsync();
        var migrated = await ApiProcess.RunAsync(["migrate"], _database.Settings);
        Assert.That(migrated.ExitCode, Is.Zero, migrated.Error);

        var settings = new Dictionary<string, string>(_database.Settings)
        {
            ["Database:MigrateOnStartup"] = "false",
            ["Webhooks:AllowPrivateTargets"] = "true",
            ["Webhooks:PollInterval"] = "00:00:00.050",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        _one = await ApiProcess.StartServerAsync(settings);
        _two = await ApiProcess.StartServerAsync(settings);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _one?.Dispose();
        _two?.Dispose();
        await _receiver.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task FiftyRequestsForOneSlot_SplitAcrossTwoProcesses_HaveExactlyOneWinner_AndEveryWebhookArrivesOnce()
    {
        var (one, two) = await OrganizationAsync("growth");
        await RegisterWebhookAsync(one);
        var humanId = await HumanAsync(one);

        for (var round = 0; round < Rounds; round++)
        {
            var start = Instant(FirstDay, 8, 0).AddMinutes(30 * round);
            var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => BookAsync(i % 2 == 0 ? one : two, humanId, start, 30)));

            Assert.Multiple(() =>
            {
                Assert.That(statuses.Count(s => s == 201), Is.EqualTo(1), $"round {round}: {string.Join(",", statuses)}");
                Assert.That(statuses.Count(s => s == 409), Is.EqualTo(49), $"round {round}: {string.Join(",", statuses)}");
            });
        }

        Assert.That(await OverlappingConfirmedPairsAsync(), Is.Zero);
        await _receiver.WaitForAcceptedAsync(Rounds);
        await Task.Delay(1000); // several rounds of both workers: nothing may arrive twice
        Assert.Multiple(() =>
        {
            Assert.That(_receiver.Accepted.Count(r => r.Header("X-Slotflow-Event") == "booking.confirmed"), Is.EqualTo(Rounds), "one delivery per booking");
            Assert.That(_receiver.Accepted.Select(r => r.DeliveryId).Distinct().Count(), Is.EqualTo(_receiver.Accepted.Count), "none twice");
        });
    }

    [Test]
    public async Task MixedLengths_RacingOnTwoProcesses_NeverOverlap()
    {
        var (one, two) = await OrganizationAsync("growth");
        var humanId = await HumanAsync(one);

        for (var round = 0; round < Rounds; round++)
        {
            var ten = Instant(FirstDay.AddDays(1 + (round / 10)), 8, 0).AddHours(round % 10);
            var results = await Task.WhenAll(
                BookAsync(one, humanId, ten, 60), BookAsync(two, humanId, ten, 30), BookAsync(two, humanId, ten.AddMinutes(30), 30),
                BookAsync(one, humanId, ten, 30), BookAsync(one, humanId, ten.AddMinutes(30), 30), BookAsync(two, humanId, ten, 60));

            Assert.That(results, Has.All.AnyOf(201, 409), $"round {round}: {string.Join(",", results)}");
            Assert.That(results.Count(s => s == 201), Is.AnyOf(1, 2), $"round {round}: {string.Join(",", results)}");
        }

        Assert.That(await OverlappingConfirmedPairsAsync(), Is.Zero);
    }

    [Test]
    public async Task BlockedWindows_RacingOnTwoProcesses_HaveExactlyOneWinner()
    {
        var (one, two) = await OrganizationAsync("growth");
        var humanId = await HumanSetup.CreateAsync(
            one, "UTC", """{"working_days":[1,2,3,4,5,6,7],"work_start":"00:00","work_end":"24:00","meeting_durations":[5],"buffer_before":240,"buffer_after":240}""");

        for (var round = 0; round < Rounds; round++)
        {
            // Five-minute meetings five minutes apart: no two intervals meet, every two blocked windows do.
            var eight = Instant(FirstDay.AddDays(10 + round), 8, 0);
            var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => BookAsync(i % 2 == 0 ? one : two, humanId, eight.AddMinutes(5 * i), 5)));

            Assert.Multiple(() =>
            {
                Assert.That(statuses.Count(s => s == 201), Is.EqualTo(1), $"round {round}: {string.Join(",", statuses)}");
                Assert.That(statuses.Count(s => s == 409), Is.EqualTo(49), $"round {round}: {string.Join(",", statuses)}");
            });
        }

        Assert.That(await ScalarAsync<long>(
            """
            SELECT count(*) FROM bookings a JOIN bookings b
              ON a."HumanId" = b."HumanId" AND a."Id" < b."Id"
             AND a."Status" = 'Confirmed' AND b."Status" = 'Confirmed'
             AND a."BlockedFrom" < b."BlockedUntil" AND b."BlockedFrom" < a."BlockedUntil"
            """), Is.Zero);
    }

    [Test]
    public async Task ADailyLimitOfThree_RacingOnTwoProcesses_GivesExactlyThree()
    {
        var (one, two) = await OrganizationAsync("growth");
        var humanId = await HumanSetup.CreateAsync(
            one, "UTC", """{"working_days":[1,2,3,4,5,6,7],"work_start":"08:00","work_end":"20:00","meeting_durations":[30],"daily_booking_limit":3}""");

        for (var round = 0; round < Rounds; round++)
        {
            var eight = Instant(FirstDay.AddDays(40 + round), 8, 0);
            var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => BookAsync(i % 2 == 0 ? one : two, humanId, eight.AddMinutes(30 * i), 30)));

            Assert.Multiple(() =>
            {
                Assert.That(statuses.Count(s => s == 201), Is.EqualTo(3), $"round {round}: {string.Join(",", statuses)}");
                Assert.That(statuses.Count(s => s == 422), Is.EqualTo(17), $"round {round}: {string.Join(",", statuses)}");
            });
        }
    }

    [Test]
    public async Task TheQuota_HoldsAcrossTwoProcesses()
    {
        var name = $"Free {Guid.NewGuid():N}";
        var (one, two) = await OrganizationAsync("free", name);
        var humanId = await HumanAsync(one);
        await SetBookingsThisMonthAsync(name, 95); // the free plan's limit is 100: five left

        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            BookAsync(i % 2 == 0 ? one : two, humanId, Instant(FirstDay.AddDays(2), 8, 0).AddMinutes(30 * i), 30)));

        Assert.Multiple(() =>
        {
            Assert.That(statuses.Count(s => s == 201), Is.EqualTo(5), string.Join(",", statuses));
            Assert.That(statuses.Count(s => s == 402), Is.EqualTo(15), string.Join(",", statuses));
        });
    }

    [Test]
    public async Task AWebhookRegisteredOrDeletedThroughOneProcess_IsSeenByTheOthersNextBooking()
    {
        var (one, two) = await OrganizationAsync("growth");
        var humanId = await HumanAsync(one);
        var (first, _) = await WebhookTestKit.RegisterAsync(one, "https://hooks.example.com/first", "booking.confirmed");
        var start = Instant(FirstDay, 8, 0);
        Assert.That(await BookAsync(one, humanId, start, 30), Is.EqualTo(201)); // process one keeps the list

        var (second, _) = await WebhookTestKit.RegisterAsync(two, "https://hooks.example.com/second", "booking.confirmed");
        Assert.That(await BookAsync(one, humanId, start.AddMinutes(30), 30), Is.EqualTo(201));
        Assert.That(await DeliveryCountAsync(second), Is.EqualTo(1), "process one's next booking saw the webhook process two registered");

        var deleted = await two.DeleteAsync($"/v1/webhooks/{first}");
        Assert.That(deleted.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
        Assert.That(await BookAsync(one, humanId, start.AddMinutes(60), 30), Is.EqualTo(201), "no delivery for the deleted webhook");
        Assert.That(await DeliveryCountAsync(second), Is.EqualTo(2));
    }

    [Test]
    public async Task SlotsServedFromOneProcessesKeptCalendar_FollowEveryChangeMadeThroughTheOther()
    {
        var (one, two) = await OrganizationAsync("growth");
        var humanId = await HumanAsync(one);
        var day = FirstDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var url = $"/v1/humans/{humanId}/slots?date_from={day}&date_to={day}&duration=30";
        Assert.That(await SlotCountAsync(one, url), Is.EqualTo(24));
        Assert.That(await SlotCountAsync(one, url), Is.EqualTo(24), "now from the calendar process one keeps");

        Assert.That(await BookAsync(two, humanId, Instant(FirstDay, 8, 0), 30), Is.EqualTo(201));
        Assert.That(await SlotCountAsync(one, url), Is.EqualTo(23), "a booking made through process two");

        var block = await two.PostAsync($"/v1/humans/{humanId}/overrides", WireJson.Body(
            $$"""{"type":"block","start_date":"{{day}}","start_time":"12:00","end_time":"14:00"}"""));
        Assert.That(block.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created), await block.Content.ReadAsStringAsync());
        Assert.That(await SlotCountAsync(one, url), Is.EqualTo(19), "a block added through process two");

        var rules = await two.PutAsync($"/v1/humans/{humanId}/availability", WireJson.Body(
            """{"working_days":[1,2,3,4,5,6,7],"work_start":"08:00","work_end":"10:00","meeting_durations":[30]}"""));
        Assert.That(rules.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), await rules.Content.ReadAsStringAsync());
        Assert.That(await SlotCountAsync(one, url), Is.EqualTo(3), "working hours set through process two");

        Assert.That((await two.DeleteAsync($"/v1/humans/{humanId}")).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
        Assert.That((await one.GetAsync(url)).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound), "deleted through process two");
    }

    private static async Task<int> SlotCountAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await WireJson.ReadAsync(response)).GetProperty("total").GetInt32();
    }

    private Task<long> DeliveryCountAsync(string webhookId) =>
        ScalarAsync<long>($"SELECT COUNT(*) FROM webhook_deliveries WHERE \"WebhookId\" = '{webhookId}'");

    private async Task<(HttpClient One, HttpClient Two)> OrganizationAsync(string plan, string? name = null)
    {
        var created = await ApiProcess.RunAsync(["create-organization", "--name", name ?? $"Org {Guid.NewGuid():N}", "--plan", plan], _database.Settings);
        Assert.That(created.ExitCode, Is.Zero, created.Error);
        var key = ApiKeyPattern().Match(created.Output).Value;
        return (Client(_one, key), Client(_two, key));
    }

    private static HttpClient Client(ApiProcess server, string key)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    [Test]
    public async Task HoldsAndBookingsOfOneSlot_RacingOnTwoProcesses_HaveExactlyOneWinner_AndConfirmsMakeOneBooking()
    {
        var (one, two) = await OrganizationAsync("growth");
        var humanId = await HumanAsync(one);

        for (var round = 0; round < Rounds / 2; round++)
        {
            var nine = Instant(FirstDay.AddDays(70 + round), 9, 0);
            var body = JsonSerializer.Serialize(new
            {
                human_id = humanId,
                starts_at = nine.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                duration = 30,
                attendee_name = "Racer",
            });
            var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
                (i % 2 == 0 ? one : two).PostAsync(i % 4 < 2 ? "/v1/holds" : "/v1/bookings", WireJson.Body(body))));
            var statuses = responses.Select(r => (int)r.StatusCode).ToList();

            Assert.That(statuses.Count(s => s == 201), Is.EqualTo(1), $"round {round}: {string.Join(",", statuses)}");
            Assert.That(statuses.Count(s => s == 409), Is.EqualTo(39), $"round {round}: {string.Join(",", statuses)}");
            var winner = responses.Single(r => r.StatusCode == HttpStatusCode.Created);
            if (winner.RequestMessage!.RequestUri!.AbsolutePath == "/v1/holds")
            {
                var holdId = (await WireJson.ReadAsync(winner)).GetProperty("id").GetString();
                var confirms = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
                    (i % 2 == 0 ? one : two).PostAsync($"/v1/holds/{holdId}/confirm", WireJson.Body("""{"attendee_name":"Racer"}"""))));
                Assert.That(confirms.Count(c => c.StatusCode == HttpStatusCode.Created), Is.EqualTo(1), $"round {round}");
                Assert.That(confirms.Count(c => c.StatusCode == HttpStatusCode.OK), Is.EqualTo(19), $"round {round}");
            }
        }

        Assert.That(await ScalarAsync<long>($"""SELECT count(*) FROM bookings WHERE "HumanId" = '{humanId}' AND "Status" = 'Confirmed'"""), Is.EqualTo(Rounds / 2));
    }

    private async Task RegisterWebhookAsync(HttpClient client) => await WebhookTestKit.RegisterAsync(client, _receiver.Url, "booking.confirmed");

    private static async Task<string> HumanAsync(HttpClient client) =>
        await HumanSetup.CreateAsync(client, "UTC", """{"working_days":[1,2,3,4,5,6,7],"work_start":"08:00","work_end":"20:00","meeting_durations":[30,60]}""");

    private static async Task<int> BookAsync(HttpClient client, string humanId, DateTimeOffset start, int minutes)
    {
        var response = await client.PostAsync("/v1/bookings", WireJson.Body(JsonSerializer.Serialize(new
        {
            human_id = humanId,
            starts_at = start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            duration = minutes,
            attendee_name = "Racer",
        })));
        return (int)response.StatusCode;
    }

    private static DateTimeOffset Instant(DateOnly day, int hour, int minute) =>
        new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);

    private async Task SetBookingsThisMonthAsync(string organizationName, int bookings)
    {
        var organizationId = await ScalarAsync<Guid>($"SELECT \"Id\" FROM organizations WHERE \"Name\" = '{organizationName}'");
        var month = Slotflow.Domain.Organizations.OverageCharge.MonthKey(DateTimeOffset.UtcNow);
        await ScalarAsync<int>(
            $"INSERT INTO monthly_usage (\"OrganizationId\", \"Month\", \"Bookings\", \"ExtraAllowance\") VALUES ('{organizationId}', {month}, {bookings}, 0) RETURNING 1");
    }

    private Task<long> OverlappingConfirmedPairsAsync() => ScalarAsync<long>(
        """
        SELECT count(*) FROM bookings a JOIN bookings b
          ON a."HumanId" = b."HumanId" AND a."Id" < b."Id"
         AND a."Status" = 'Confirmed' AND b."Status" = 'Confirmed'
         AND a."StartsAt" < b."EndsAt" AND b."StartsAt" < a."EndsAt"
        """);

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    [GeneratedRegex("sk_live_[a-z0-9]{32}")]
    private static partial Regex ApiKeyPattern();
}
#endif
