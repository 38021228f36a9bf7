using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>GET /v1/humans/{id}/slots (spec §7) over HTTP, with the service's clock held at a known instant.</summary>
public sealed class SlotsEndpointTests : ServiceFixture
{
    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly CommandCounter _commands = new();
    private TestOrganization _organization = null!;

    protected override TimeProvider Clock => _clock;

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IInterceptor>(_commands);
    }

    /// <summary>Each test gets its own organization (the plan caps humans) and the clock at 2026-03-01.</summary>
    [SetUp]
    public async Task NewOrganizationAndClock()
    {
        _clock.Now = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        _organization = await Factory.CreateOrganizationAsync();
    }

    [Test]
    public async Task Slots_ForTheDocumentedWeek_MatchTheSpecExample()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        await HumanSetup.AddOverrideAsync(_organization.Client, humanId, """{"type":"block","title":"Team sync","start_date":"2026-03-03","start_time":"14:00","end_time":"15:00","recurrence":{"freq":"weekly","days":[2]}}""");
        await HumanSetup.AddOverrideAsync(_organization.Client, humanId, """{"type":"open","title":"Saturday","start_date":"2026-03-21","start_time":"10:00","end_time":"14:00"}""");

        var response = await _organization.Client.GetAsync($"/v1/humans/{humanId}/slots?date_from=2026-03-16&date_to=2026-03-22&duration=30");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await WireJson.ReadAsync(response);
        var slots = body.GetProperty("slots").EnumerateArray().ToList();
        var starts = slots.Select(s => s.GetProperty("starts_at").GetString()!).ToList();
        var perDay = starts.GroupBy(s => s[..10]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(body), Is.EqualTo(new[] { "human_id", "duration", "timezone", "slots", "total", "next_available_at", "empty_reason" }));
            Assert.That(body.GetProperty("human_id").GetString(), Is.EqualTo(humanId));
            Assert.That(body.GetProperty("duration").GetInt32(), Is.EqualTo(30));
            Assert.That(body.GetProperty("timezone").GetString(), Is.EqualTo("America/New_York"));
            Assert.That(body.GetProperty("total").GetInt32(), Is.EqualTo(slots.Count));
            Assert.That(slots.Select(WireJson.PropertyNames), Has.All.EqualTo(new[] { "starts_at", "ends_at" }));
            // No bookings exist yet: Monday keeps its 10:00 slot (16, not the example's 15 with a booking).
            Assert.That(perDay, Is.EqualTo(new Dictionary<string, int>
            {
                ["2026-03-16"] = 16, ["2026-03-17"] = 14, ["2026-03-18"] = 16, ["2026-03-19"] = 16, ["2026-03-20"] = 16, ["2026-03-21"] = 8,
            }));
            Assert.That(starts[0], Is.EqualTo("2026-03-16T13:00:00.000Z"));
            Assert.That(slots[0].GetProperty("ends_at").GetString(), Is.EqualTo("2026-03-16T13:30:00.000Z"));
            Assert.That(starts, Does.Not.Contain("2026-03-17T18:00:00.000Z").And.Not.Contain("2026-03-17T18:30:00.000Z"));
            Assert.That(starts.Where(s => s.StartsWith("2026-03-21", StringComparison.Ordinal)).First(), Is.EqualTo("2026-03-21T14:00:00.000Z"));
            Assert.That(starts, Is.Ordered);
        });
    }

    [Test]
    public async Task Slots_StartingBeforeNow_AreLeftOut()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        _clock.Now = new DateTimeOffset(2026, 3, 16, 16, 10, 0, TimeSpan.Zero);

        var body = await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/humans/{humanId}/slots?date_from=2026-03-16&date_to=2026-03-16&duration=30"));

        var starts = body.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("starts_at").GetString()).ToList();
        Assert.That(starts.First(), Is.EqualTo("2026-03-16T16:30:00.000Z"));
        Assert.That(body.GetProperty("total").GetInt32(), Is.EqualTo(9));
    }

    [Test]
    public async Task Slots_WhenNothingIsFree_Return200WithAnEmptyList()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        await HumanSetup.AddOverrideAsync(_organization.Client, humanId, """{"type":"block","all_day":true,"start_date":"2026-03-16","end_date":"2026-03-20"}""");

        var response = await _organization.Client.GetAsync($"/v1/humans/{humanId}/slots?date_from=2026-03-16&date_to=2026-03-20&duration=30");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await WireJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("slots").ValueKind, Is.EqualTo(JsonValueKind.Array));
            Assert.That(body.GetProperty("slots").GetArrayLength(), Is.Zero);
            Assert.That(body.GetProperty("total").GetInt32(), Is.Zero);
        });
    }

    [Test]
    public async Task Slots_AfterDeletingABlock_AreBackAtOnce()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        var block = await HumanSetup.AddOverrideAsync(_organization.Client, humanId, """{"type":"block","all_day":true,"start_date":"2026-03-16"}""");
        var url = $"/v1/humans/{humanId}/slots?date_from=2026-03-16&date_to=2026-03-16&duration=30";
        Assert.That((await WireJson.ReadAsync(await _organization.Client.GetAsync(url))).GetProperty("total").GetInt32(), Is.Zero);

        await _organization.Client.DeleteAsync($"/v1/humans/{humanId}/overrides/{block}");

        Assert.That((await WireJson.ReadAsync(await _organization.Client.GetAsync(url))).GetProperty("total").GetInt32(), Is.EqualTo(16));
    }

    [Test]
    public async Task Slots_TakeAtMostTwoDatabaseRoundTrips_AuthenticationIncluded()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        await HumanSetup.AddOverrideAsync(_organization.Client, humanId, """{"type":"block","all_day":true,"start_date":"2026-03-16"}""");

        // The first query reads the human's version with its bookings, then the human with its overrides; the second
        // finds the calendar kept at that version. A booking bumps the version: the calendar is read again, and the
        // booked slot is gone.
        var url = $"/v1/humans/{humanId}/slots?date_from=2026-03-16&date_to=2026-04-16&duration=30";
        foreach (var (attempt, total, roundTrips) in new[] { ("calendar read", 23 * 16, 2), ("calendar kept", 23 * 16, 1), ("after a booking", 23 * 16 - 1, 2) })
        {
            if (attempt == "after a booking")
            {
                var booked = await _organization.Client.PostAsync("/v1/bookings", WireJson.Body(
                    $$"""{"human_id":"{{humanId}}","starts_at":"2026-03-17T13:00:00Z","duration":30,"attendee_name":"Ada"}"""));
                Assert.That(booked.StatusCode, Is.EqualTo(HttpStatusCode.Created), await booked.Content.ReadAsStringAsync());
            }

            _commands.Commands.Clear();
            var response = await _organization.Client.GetAsync(url);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await WireJson.ReadAsync(response)).GetProperty("total").GetInt32(), Is.EqualTo(total), attempt);
            // The key was read moments ago (authentication keeps it 5 s); the webhook worker's outbox poll is not this request's.
            var queries = _commands.OfRequests();
            Assert.That(queries, Has.Count.EqualTo(roundTrips), $"{attempt}:\n" + string.Join("\n---\n", queries));
        }
    }

    [Test]
    public async Task AHumanWithAnUnexpiredHold_CostsOneMoreRoundTrip_UntilTheHoldExpires()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        var url = $"/v1/humans/{humanId}/slots?date_from=2026-03-16&date_to=2026-03-16&duration=30";
        var held = await _organization.Client.PostAsync("/v1/holds", WireJson.Body(
            $$"""{"human_id":"{{humanId}}","starts_at":"2026-03-16T13:00:00Z","duration":30,"ttl_seconds":60}"""));
        Assert.That(held.StatusCode, Is.EqualTo(HttpStatusCode.Created), await held.Content.ReadAsStringAsync());
        await _organization.Client.GetAsync(url); // the calendar is kept from here on

        // While the hold may be unexpired, its holds are read in a statement of their own; from expires_at on, not.
        foreach (var (attempt, now, total, roundTrips) in new[]
        {
            ("hold unexpired", _clock.Now, 15, 2),
            ("hold expired", _clock.Now.AddSeconds(60), 16, 1),
        })
        {
            _clock.Now = now;
            await _organization.Client.GetAsync(url); // the key is read again once the clock has moved past its 5 s
            _commands.Commands.Clear();
            var response = await _organization.Client.GetAsync(url);

            Assert.That((await WireJson.ReadAsync(response)).GetProperty("total").GetInt32(), Is.EqualTo(total), attempt);
            var queries = _commands.OfRequests();
            Assert.That(queries, Has.Count.EqualTo(roundTrips), $"{attempt}:\n" + string.Join("\n---\n", queries));
        }
    }

    [TestCase("date_to=2026-03-20&duration=30", "date_from", TestName = "Slots_WithoutDateFrom_Return422")]
    [TestCase("date_from=2026-03-16&duration=30", "date_to", TestName = "Slots_WithoutDateTo_Return422")]
    [TestCase("date_from=2026-03-16&date_to=2026-03-20", "duration", TestName = "Slots_WithoutDuration_Return422")]
    [TestCase("date_from=2026-3-16&date_to=2026-03-20&duration=30", "date_from", TestName = "Slots_WithUnpaddedDate_Return422")]
    [TestCase("date_from=2026-03-16T00:00:00Z&date_to=2026-03-20&duration=30", "date_from", TestName = "Slots_WithInstantForDate_Return422")]
    [TestCase("date_from=2026-02-30&date_to=2026-03-20&duration=30", "date_from", TestName = "Slots_WithImpossibleDate_Return422")]
    [TestCase("date_from=2026-03-16&date_to=2026-03-15&duration=30", "date_to", TestName = "Slots_WithDateToBeforeDateFrom_Return422")]
    [TestCase("date_from=2026-03-16&date_to=2026-06-17&duration=30", "date_to", TestName = "Slots_WithSpanOver92Days_Return422")]
    [TestCase("date_from=2026-03-16&date_to=2026-03-20&duration=abc", "duration", TestName = "Slots_WithNonNumericDuration_Return422")]
    [TestCase("date_from=2026-03-16&date_to=2026-03-20&duration=0", "duration", TestName = "Slots_WithZeroDuration_Return422")]
    [TestCase("date_from=2026-03-16&date_to=2026-03-20&duration=-30", "duration", TestName = "Slots_WithNegativeDuration_Return422")]
    [TestCase("date_from=2026-03-16&date_to=2026-03-20&duration=30.5", "duration", TestName = "Slots_WithFractionalDuration_Return422")]
    public async Task Slots_WithBadParameters_Return422NamingTheParameter(string query, string field)
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);

        var response = await _organization.Client.GetAsync($"/v1/humans/{humanId}/slots?{query}");

        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(error.GetProperty("message").GetString(), Does.Contain(field));
    }

    [Test]
    public async Task Slots_OverExactly92Days_AreAllowed()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);

        var response = await _organization.Client.GetAsync($"/v1/humans/{humanId}/slots?date_from=2026-03-16&date_to=2026-06-16&duration=30");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase(45)]
    [TestCase(725)]
    [TestCase(100000)]
    public async Task Slots_WithDurationNotAllowed_Return422InvalidDuration(int duration)
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);

        var response = await _organization.Client.GetAsync($"/v1/humans/{humanId}/slots?date_from=2026-03-16&date_to=2026-03-20&duration={duration}");

        await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "INVALID_DURATION");
    }

    [Test]
    public async Task Slots_OfAHumanWithoutRules_Return422InvalidDuration()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client, rules: null);

        var response = await _organization.Client.GetAsync($"/v1/humans/{humanId}/slots?date_from=2026-03-16&date_to=2026-03-20&duration=30");

        await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "INVALID_DURATION");
    }

    [Test]
    public async Task Slots_OfUnknownDeletedOrForeignHumans_Are404()
    {
        var deleted = await HumanSetup.CreateAsync(_organization.Client);
        await _organization.Client.DeleteAsync($"/v1/humans/{deleted}");
        var other = await Factory.CreateOrganizationAsync();
        var foreign = await HumanSetup.CreateAsync(other.Client);
        const string query = "slots?date_from=2026-03-16&date_to=2026-03-20&duration=30";

        foreach (var humanId in new[] { deleted, foreign, Guid.NewGuid().ToString(), "not-a-uuid" })
        {
            await WireJson.AssertErrorAsync(await _organization.Client.GetAsync($"/v1/humans/{humanId}/{query}"), HttpStatusCode.NotFound, "NOT_FOUND");
        }
    }
}
