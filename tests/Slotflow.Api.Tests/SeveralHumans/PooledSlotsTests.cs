using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests.SeveralHumans;

/// <summary>
/// GET /v1/slots?human_ids=… (spec §12) over HTTP: the union of the humans' own slot lists, each slot naming who is
/// free for it in the order asked; every human's own zone and rules apply; an unknown, foreign or inactive human is
/// 404. The clock is Monday 2 March 2026 00:00Z.
/// </summary>
public sealed class PooledSlotsTests : ServiceFixture
{
    private static readonly string[] Zones = ["America/New_York", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney", "UTC", "America/Los_Angeles"];

    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));
    private readonly CommandCounter _commands = new();

    protected override TimeProvider Clock => _clock;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IInterceptor>(_commands);

    [Test]
    public async Task APoolOfTwenty_TakesTwoRoundTrips_OnceItsCalendarsAreKept_AndOneMorePerHumanChangedSince()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var pool = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            pool.Add(await HumanSetup.CreateAsync(organization.Client));
        }

        var url = $"/v1/slots?human_ids={string.Join(',', pool)}&date_from=2026-03-16&date_to=2026-04-15&duration=30";
        foreach (var (attempt, bookedFirst, roundTrips) in new[] { ("calendars read", false, 22), ("calendars kept", false, 2), ("after a booking", true, 3) })
        {
            if (bookedFirst)
            {
                var booked = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(
                    $$"""{"human_id":"{{pool[7]}}","starts_at":"2026-03-17T13:00:00Z","duration":30,"attendee_name":"Ada"}"""));
                Assert.That(booked.StatusCode, Is.EqualTo(HttpStatusCode.Created), await booked.Content.ReadAsStringAsync());
            }

            _commands.Commands.Clear();
            var response = await organization.Client.GetAsync(url);

            var slots = (await WireJson.ReadAsync(response)).GetProperty("slots").EnumerateArray().ToList();
            var booked17 = slots.Single(x => x.GetProperty("starts_at").GetString() == "2026-03-17T13:00:00.000Z").GetProperty("human_ids");
            Assert.Multiple(() =>
            {
                Assert.That(slots, Has.Count.EqualTo(23 * 16), attempt);
                Assert.That(booked17.GetArrayLength(), Is.EqualTo(bookedFirst ? 19 : 20), attempt);
                var queries = _commands.OfRequests();
                Assert.That(queries, Has.Count.EqualTo(roundTrips), $"{attempt}:\n" + string.Join("\n---\n", queries));
            });
        }
    }

    [Test]
    public async Task OnRandomCalendars_PooledSlotsAreTheUnionOfEachHumansSlots_WithWhoIsFree()
    {
        for (var seed = 1; seed <= 12; seed++)
        {
            var random = new Random(seed);
            var organization = await Factory.CreateOrganizationAsync();
            var pool = new List<string>();
            var size = random.Next(1, 6);
            for (var i = 0; i < size; i++)
            {
                pool.Add(await RandomHumanAsync(organization.Client, random));
            }

            var from = new DateOnly(2026, 3, 2).AddDays(random.Next(0, 10));
            var to = from.AddDays(random.Next(0, 8));
            var duration = random.Next(2) == 0 ? 30 : 60;

            var expected = new SortedDictionary<(DateTimeOffset, DateTimeOffset), List<string>>();
            foreach (var humanId in pool)
            {
                var single = await organization.Client.GetAsync($"/v1/humans/{humanId}/slots?date_from={from:yyyy-MM-dd}&date_to={to:yyyy-MM-dd}&duration={duration}");
                if (single.StatusCode == HttpStatusCode.UnprocessableEntity)
                {
                    await WireJson.AssertErrorAsync(single, HttpStatusCode.UnprocessableEntity, "INVALID_DURATION");
                    continue; // the duration is not this human's: it contributes nothing
                }

                Assert.That(single.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                foreach (var slot in (await WireJson.ReadAsync(single)).GetProperty("slots").EnumerateArray())
                {
                    var key = (Instant(slot, "starts_at"), Instant(slot, "ends_at"));
                    if (!expected.TryGetValue(key, out var free))
                    {
                        expected[key] = free = [];
                    }

                    free.Add(humanId);
                }
            }

            var pooled = await organization.Client.GetAsync($"/v1/slots?human_ids={string.Join(',', pool)}&date_from={from:yyyy-MM-dd}&date_to={to:yyyy-MM-dd}&duration={duration}");
            Assert.That(pooled.StatusCode, Is.EqualTo(HttpStatusCode.OK), await pooled.Content.ReadAsStringAsync());
            var body = await WireJson.ReadAsync(pooled);
            var actual = body.GetProperty("slots").EnumerateArray()
                .Select(s => ((Instant(s, "starts_at"), Instant(s, "ends_at")), s.GetProperty("human_ids").EnumerateArray().Select(h => h.GetString()!).ToList()))
                .ToList();

            Assert.Multiple(() =>
            {
                Assert.That(actual.Select(a => a.Item1), Is.EqualTo(expected.Keys), $"seed {seed}: the same slots, by start");
                Assert.That(actual.Select(a => a.Item2), Is.EqualTo(expected.Values), $"seed {seed}: who is free, in the order asked");
                Assert.That(body.GetProperty("total").GetInt32(), Is.EqualTo(expected.Count));
                Assert.That(body.GetProperty("duration").GetInt32(), Is.EqualTo(duration));
                Assert.That(WireJson.PropertyNames(body), Is.EquivalentTo(new[] { "duration", "slots", "total" }));
            });
        }
    }

    [Test]
    public async Task EachHumanIsReadInItsOwnZone()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var berlin = await HumanSetup.CreateAsync(organization.Client, "Europe/Berlin");
        var newYork = await HumanSetup.CreateAsync(organization.Client, "America/New_York");

        var response = await organization.Client.GetAsync($"/v1/slots?human_ids={newYork},{berlin}&date_from=2026-03-03&date_to=2026-03-03&duration=30");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var slots = (await WireJson.ReadAsync(response)).GetProperty("slots").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            // Berlin 09:00–17:00 CET is 08:00–16:00Z; New York 09:00–17:00 EST is 14:00–22:00Z: both are free 14:00–16:00Z.
            Assert.That(Instant(slots[0], "starts_at"), Is.EqualTo(new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero)));
            Assert.That(Instant(slots[^1], "starts_at"), Is.EqualTo(new DateTimeOffset(2026, 3, 3, 21, 30, 0, TimeSpan.Zero)));
            Assert.That(slots.Count(s => s.GetProperty("human_ids").GetArrayLength() == 2), Is.EqualTo(4));
            Assert.That(slots.First(s => s.GetProperty("human_ids").GetArrayLength() == 2).GetProperty("human_ids")[0].GetString(), Is.EqualTo(newYork));
        });
    }

    [Test]
    public async Task AnUnknownForeignOrDeletedHuman_Is404()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var other = await Factory.CreateOrganizationAsync();
        var known = await HumanSetup.CreateAsync(organization.Client);
        var foreign = await HumanSetup.CreateAsync(other.Client);
        var deleted = await HumanSetup.CreateAsync(organization.Client);
        Assert.That((await organization.Client.DeleteAsync($"/v1/humans/{deleted}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        foreach (var missing in new[] { Guid.NewGuid().ToString(), foreign, deleted })
        {
            var response = await organization.Client.GetAsync($"/v1/slots?human_ids={known},{missing}&date_from=2026-03-03&date_to=2026-03-03&duration=30");
            await WireJson.AssertErrorAsync(response, HttpStatusCode.NotFound, "NOT_FOUND");
        }
    }

    [TestCase("", "human_ids")]
    [TestCase("human_ids=", "human_ids")]
    [TestCase("human_ids=not-a-uuid", "human_ids")]
    [TestCase("human_ids=00000000-0000-0000-0000-000000000000", "human_ids")]
    [TestCase("human_ids={0},{0}", "human_ids")]
    [TestCase("human_ids={0}&human_ids={0}", "human_ids")]
    [TestCase("human_ids={0},,{0}", "human_ids")]
    [TestCase("human_ids={21}", "human_ids")]
    [TestCase("human_ids={0}&date_from=2026-03-10&date_to=2026-03-09", "date_to")]
    [TestCase("human_ids={0}&duration=0", "duration")]
    public async Task ABadQuery_Is422NamingTheParameter(string query, string field)
    {
        var organization = await Factory.CreateOrganizationAsync();
        var humanId = await HumanSetup.CreateAsync(organization.Client);
        var many = string.Join(',', Enumerable.Range(0, 21).Select(_ => Guid.NewGuid()));
        var parameters = query.Replace("{0}", humanId, StringComparison.Ordinal).Replace("{21}", many, StringComparison.Ordinal);
        var defaults = new[] { "date_from=2026-03-03", "date_to=2026-03-04", "duration=30" }
            .Where(d => !parameters.Contains(d.Split('=')[0], StringComparison.Ordinal));

        var response = await organization.Client.GetAsync($"/v1/slots?{string.Join('&', defaults.Prepend(parameters).Where(p => p.Length > 0))}");

        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(error.GetProperty("details")[0].GetProperty("field").GetString(), Is.EqualTo(field), error.ToString());
    }

    /// <summary>A human in a random zone, with random hours, durations, buffers, blocks, opens and bookings.</summary>
    private static async Task<string> RandomHumanAsync(HttpClient client, Random random)
    {
        var durations = random.Next(4) == 0 ? "[60]" : random.Next(2) == 0 ? "[30]" : "[30,60]";
        var start = random.Next(6, 11);
        var rules = $$"""{"working_days":[{{string.Join(',', Enumerable.Range(1, 7).Where(_ => random.NextDouble() < 0.7).DefaultIfEmpty(1))}}],"work_start":"{{start:00}}:00","work_end":"{{start + random.Next(3, 9):00}}:30","meeting_durations":{{durations}},"buffer_after":{{5 * random.Next(0, 3)}}}""";
        var humanId = await HumanSetup.CreateAsync(client, Zones[random.Next(Zones.Length)], rules);
        var day = new DateOnly(2026, 3, 2).AddDays(random.Next(0, 14));
        if (random.Next(2) == 0)
        {
            await HumanSetup.AddOverrideAsync(client, humanId, $$"""{"type":"block","all_day":false,"start_date":"{{day:yyyy-MM-dd}}","start_time":"{{start + 1:00}}:00","end_time":"{{start + 2:00}}:15"}""");
        }

        if (random.Next(2) == 0)
        {
            await HumanSetup.AddOverrideAsync(client, humanId, $$"""{"type":"open","all_day":false,"start_date":"{{day.AddDays(1):yyyy-MM-dd}}","start_time":"18:00","end_time":"21:00"}""");
        }

        // Bookings at some of its own slots.
        var slots = await client.GetAsync($"/v1/humans/{humanId}/slots?date_from=2026-03-02&date_to=2026-03-20&duration={(durations == "[60]" ? 60 : 30)}");
        var starts = (await WireJson.ReadAsync(slots)).GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("starts_at").GetString()!).ToList();
        foreach (var at in starts.Where(_ => random.NextDouble() < 0.15))
        {
            await client.PostAsync("/v1/bookings", WireJson.Body($$"""{"human_id":"{{humanId}}","starts_at":"{{at}}","duration":{{(durations == "[60]" ? 60 : 30)}},"attendee_name":"Someone"}"""));
        }

        return humanId;
    }

    private static DateTimeOffset Instant(JsonElement element, string name) =>
        DateTimeOffset.Parse(element.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
}
