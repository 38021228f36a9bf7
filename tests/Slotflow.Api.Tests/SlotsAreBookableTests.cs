using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>
/// The property of spec §7 over HTTP: every slot that GET slots lists for a random human (random zone, rules,
/// overrides and existing bookings) is booked with 201. Each slot is tried on the data as listed: booked, then
/// cancelled again before the next one is tried.
/// </summary>
public sealed class SlotsAreBookableTests : ServiceFixture
{
    private static readonly string[] Zones =
        ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Los_Angeles", "UTC"];

    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => _clock;

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(6)]
    public async Task EveryListedSlot_BooksWith201(int seed)
    {
        var random = new Random(seed);
        var organization = await Factory.CreateOrganizationAsync();
        var zone = Zones[random.Next(Zones.Length)];
        var duration = new[] { 15, 30, 45, 60 }[random.Next(4)];
        var start = random.Next(0, 10) * 60;
        var rules = $$"""{"working_days":[1,2,3,4,5{{(random.Next(2) == 0 ? ",6" : "")}}],"work_start":"{{ClockText(start)}}","work_end":"{{ClockText(start + (random.Next(4, 12) * 60))}}","meeting_durations":[{{duration}}]}""";
        var humanId = await HumanSetup.CreateAsync(organization.Client, zone, rules);

        // The range straddles the March changes of New York (8th), London (29th) and Lord Howe (5 April).
        var from = new DateOnly(2026, 3, 2).AddDays(random.Next(0, 30));
        var to = from.AddDays(random.Next(2, 10));
        for (var i = 0; i < 4; i++)
        {
            var date = from.AddDays(random.Next(0, 10)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var type = random.Next(2) == 0 ? "block" : "open";
            var windowStart = random.Next(0, 22) * 60;
            await HumanSetup.AddOverrideAsync(
                organization.Client,
                humanId,
                $$"""{"type":"{{type}}","start_date":"{{date}}","start_time":"{{ClockText(windowStart)}}","end_time":"{{ClockText(windowStart + (random.Next(1, 3) * 60))}}"}""");
        }

        var listed = await ListSlotsAsync(organization, humanId, from, to, duration);
        Assert.That(listed, Is.Not.Empty, "a vacuous case proves nothing");
        foreach (var slot in listed.Where((_, i) => i % 3 == 0))
        {
            var created = await BookAsync(organization, humanId, slot, duration);
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), $"seed {seed}, {zone}, slot {slot}: {await created.Content.ReadAsStringAsync()}");
            if (random.Next(3) > 0)
            {
                // Most are cancelled again, so the next slot is tried on the data as it was listed.
                var id = (await WireJson.ReadAsync(created)).GetProperty("id").GetString();
                Assert.That((await organization.Client.DeleteAsync($"/v1/bookings/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }
        }

        // What stayed booked is gone from the list, and everything still listed is still bookable.
        var relisted = await ListSlotsAsync(organization, humanId, from, to, duration);
        foreach (var slot in relisted.Where((_, i) => i % 5 == 0))
        {
            var created = await BookAsync(organization, humanId, slot, duration);
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), $"seed {seed}, relisted slot {slot}");
            var id = (await WireJson.ReadAsync(created)).GetProperty("id").GetString();
            await organization.Client.DeleteAsync($"/v1/bookings/{id}");
        }
    }

    /// <summary>
    /// The same property under random combinations of the rules of spec §10 (grid, buffers, notice, horizon, limits,
    /// weekly hours), with bookings already made under other buffers; and its converse: a random interval the booking
    /// refuses is never listed.
    /// </summary>
    [TestCase(11)]
    [TestCase(12)]
    [TestCase(14)]
    [TestCase(15)]
    [TestCase(16)]
    [TestCase(17)]
    [TestCase(19)]
    [TestCase(20)]
    public async Task UnderRandomRules_EveryListedSlotBooks_AndNoRefusedIntervalIsListed(int seed)
    {
        var random = new Random(seed);
        var organization = await Factory.CreateOrganizationAsync();
        var zone = Zones[random.Next(Zones.Length)];
        var duration = new[] { 15, 30, 45, 60 }[random.Next(4)];
        var humanId = await HumanSetup.CreateAsync(organization.Client, zone, rules: null);
        var from = new DateOnly(2026, 3, 2).AddDays(random.Next(0, 30));
        var to = from.AddDays(random.Next(2, 8));

        // Earlier bookings under other buffers first, then the rules under test.
        await PutRulesAsync(organization, humanId, $$"""{"working_days":[1,2,3,4,5,6,7],"work_start":"00:00","work_end":"24:00","meeting_durations":[{{duration}}],"buffer_before":{{5 * random.Next(0, 7)}},"buffer_after":{{5 * random.Next(0, 7)}}}""");
        for (var i = 0; i < 6; i++)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(15 * random.Next(0, 96 * (to.DayNumber - from.DayNumber + 1)));
            await BookAsync(organization, humanId, start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), duration);
        }

        await PutRulesAsync(organization, humanId, RandomRules(random, duration));
        var listed = await ListSlotsAsync(organization, humanId, from, to, duration);
        foreach (var slot in listed.Where((_, i) => i % 4 == 0))
        {
            var created = await BookAsync(organization, humanId, slot, duration);
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), $"seed {seed}, {zone}, slot {slot}: {await created.Content.ReadAsStringAsync()}");
            var id = (await WireJson.ReadAsync(created)).GetProperty("id").GetString();
            Assert.That((await organization.Client.DeleteAsync($"/v1/bookings/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var refused = 0;
        for (var i = 0; i < 40; i++)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(5 * random.Next(0, 288 * (to.DayNumber - from.DayNumber + 1)));
            var text = start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'.000Z'", CultureInfo.InvariantCulture);
            var response = await BookAsync(organization, humanId, text, duration);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                await organization.Client.DeleteAsync($"/v1/bookings/{(await WireJson.ReadAsync(response)).GetProperty("id").GetString()}");
                continue;
            }

            refused++;
            Assert.That(listed, Does.Not.Contain(text), $"seed {seed}: {text} was refused ({await response.Content.ReadAsStringAsync()}) but listed");
        }

        Assert.Multiple(() =>
        {
            Assert.That(listed, Is.Not.Empty, $"seed {seed}: a vacuous case proves nothing");
            Assert.That(refused, Is.GreaterThan(0), $"seed {seed}: a vacuous case proves nothing");
        });
    }

    private static string RandomRules(Random random, int duration)
    {
        string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";
        var hours = random.Next(2) == 0
            ? $"\"working_days\":[1,2,3,4,5{(random.Next(2) == 0 ? ",6" : "")}],\"work_start\":\"0{random.Next(6, 10)}:00\",\"work_end\":\"{random.Next(14, 20)}:30\""
            : $"\"weekly_hours\":{{\"1\":[{{\"start\":\"08:00\",\"end\":\"12:00\"}},{{\"start\":\"13:00\",\"end\":\"17:30\"}}],\"3\":[{{\"start\":\"0{random.Next(0, 9)}:15\",\"end\":\"11:45\"}}],\"5\":[{{\"start\":\"14:00\",\"end\":\"23:00\"}}],\"6\":[{{\"start\":\"00:00\",\"end\":\"24:00\"}}]}}";
        return "{" + hours
            + $",\"meeting_durations\":[{duration}]"
            + $",\"slot_interval\":{Number(random.Next(3) == 0 ? null : 5 * random.Next(1, 13))}"
            + $",\"buffer_before\":{5 * random.Next(0, 7)},\"buffer_after\":{5 * random.Next(0, 7)}"
            + $",\"minimum_notice\":{(random.Next(2) == 0 ? 0 : 60 * random.Next(1, 72))}"
            + $",\"booking_horizon_days\":{Number(random.Next(3) == 0 ? random.Next(5, 40) : null)}"
            + $",\"daily_booking_limit\":{Number(random.Next(3) == 0 ? random.Next(1, 4) : null)}"
            + $",\"weekly_booking_limit\":{Number(random.Next(4) == 0 ? random.Next(3, 9) : null)}"
            + "}";
    }

    private static async Task PutRulesAsync(TestOrganization organization, string humanId, string rules)
    {
        var response = await organization.Client.PutAsync($"/v1/humans/{humanId}/availability", WireJson.Body(rules));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{rules}: {await response.Content.ReadAsStringAsync()}");
    }

    private static string ClockText(int minutes) =>
        minutes >= 24 * 60 ? "24:00" : $"{minutes / 60:00}:{minutes % 60:00}";

    private static async Task<List<string>> ListSlotsAsync(TestOrganization organization, string humanId, DateOnly from, DateOnly to, int duration)
    {
        var response = await organization.Client.GetAsync(
            $"/v1/humans/{humanId}/slots?date_from={from:yyyy-MM-dd}&date_to={to:yyyy-MM-dd}&duration={duration}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return [.. (await WireJson.ReadAsync(response)).GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("starts_at").GetString()!)];
    }

    private static Task<HttpResponseMessage> BookAsync(TestOrganization organization, string humanId, string startsAt, int duration) =>
        organization.Client.PostAsync(
            "/v1/bookings",
            WireJson.Body($$"""{"human_id":"{{humanId}}","starts_at":"{{startsAt}}","duration":{{duration}},"attendee_name":"Property"}"""));
}
