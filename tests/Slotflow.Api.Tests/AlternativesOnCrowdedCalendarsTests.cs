using System.Globalization;
using System.Net;
using System.Text.Json;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>
/// Alternatives (spec §11.3) on calendars too crowded for the days around the refused time to settle them, so the
/// month is read, as runs of touching blocked windows: over random calendars (mixed
/// durations, buffers changed between bookings, a live hold), the alternatives of a refused time are exactly the
/// nearest three starts of the slot lists around it (ties: the later), which the slot query computes from every row.
/// New York, Mon–Fri 09:00–12:00, 30 or 60 minutes; the clock is Monday 2 March 2026 14:00Z (09:00 EST).
/// </summary>
public sealed class AlternativesOnCrowdedCalendarsTests : ServiceFixture
{
    private const string Hours = "\"working_days\":[1,2,3,4,5],\"work_start\":\"09:00\",\"work_end\":\"12:00\",\"meeting_durations\":[30,60]";
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateOnly Target = new(2026, 3, 11); // a Wednesday

    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => _clock;

    [Test]
    public async Task OnRandomCrowdedCalendars_TheAlternativesAreTheNearestSlotsOfTheSlotLists()
    {
        var beyondTheNearDays = 0;
        for (var seed = 1; seed <= 8; seed++)
        {
            var random = new Random(seed);
            var organization = await Factory.CreateOrganizationAsync();
            var humanId = await HumanSetup.CreateAsync(organization.Client, rules: $"{{{Hours}}}");
            var requested = Local(Target, 10, 0);
            Assert.That((await BookAsync(organization, humanId, requested, 30)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

            // Crowded around the target week, sparse further out; buffers change between bookings.
            for (var date = new DateOnly(2026, 3, 2); date <= new DateOnly(2026, 3, 27); date = date.AddDays(1))
            {
                var fill = Math.Abs(date.DayNumber - Target.DayNumber) <= 4 ? 0.95 : 0.5;
                for (var minutes = 9 * 60; minutes < 12 * 60; minutes += 30)
                {
                    if (random.NextDouble() < 0.1)
                    {
                        await SetBuffersAsync(organization, humanId, 5 * random.Next(0, 4), 5 * random.Next(0, 4));
                    }

                    if (random.NextDouble() < fill)
                    {
                        await BookAsync(organization, humanId, Local(date, minutes / 60, minutes % 60), random.Next(2) == 0 ? 30 : 60);
                    }
                }
            }

            var free = await SlotStartsAsync(organization, humanId, Target.AddDays(-15), Target.AddDays(15));
            if (free.Count > 0)
            {
                var held = free[random.Next(free.Count)];
                var hold = await organization.Client.PostAsync("/v1/holds", WireJson.Body(
                    $$"""{"human_id":"{{humanId}}","starts_at":"{{Wire(held)}}","duration":30,"ttl_seconds":900}"""));
                Assert.That(hold.StatusCode, Is.EqualTo(HttpStatusCode.Created), await hold.Content.ReadAsStringAsync());
            }

            var error = await WireJson.AssertErrorAsync(await BookAsync(organization, humanId, requested, 30), HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");
            var offered = error.GetProperty("alternatives").EnumerateArray()
                .Select(a => DateTimeOffset.Parse(a.GetProperty("starts_at").GetString()!, CultureInfo.InvariantCulture)).ToList();

            var slots = await SlotStartsAsync(organization, humanId, Target.AddDays(-15), Target.AddDays(15));
            var nearest = slots
                .Where(s => (s - requested).Duration() <= TimeSpan.FromDays(14))
                .OrderBy(s => (s - requested).Duration()).ThenByDescending(s => s)
                .Take(3).ToList();
            Assert.That(offered, Is.EqualTo(nearest), $"seed {seed}: {error}");
            if (offered.Any(o => Math.Abs(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(o, NewYork).DateTime).DayNumber - Target.DayNumber) > 1))
            {
                beyondTheNearDays++;
            }
        }

        Assert.That(beyondTheNearDays, Is.GreaterThan(0), "some calendar was crowded enough that the month had to be read");
    }

    [Test]
    public async Task ARescheduleOnACrowdedCalendar_CountsItsOwnTimeAsFree()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var humanId = await HumanSetup.CreateAsync(organization.Client, rules: $"{{{Hours}}}");
        string? own = null;
        for (var date = new DateOnly(2026, 3, 9); date <= new DateOnly(2026, 3, 20); date = date.AddDays(1))
        {
            for (var minutes = 9 * 60; minutes < 12 * 60; minutes += 30)
            {
                var start = Local(date, minutes / 60, minutes % 60);
                var booked = await BookAsync(organization, humanId, start, 30);
                if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    Assert.That(booked.StatusCode, Is.EqualTo(HttpStatusCode.Created));
                }

                if (start == Local(new DateOnly(2026, 3, 13), 11, 30))
                {
                    own = (await WireJson.ReadAsync(booked)).GetProperty("id").GetString();
                }
            }
        }

        var response = await organization.Client.PostAsync($"/v1/bookings/{own}/reschedule", WireJson.Body($$"""{"starts_at":"{{Wire(Local(Target, 10, 0))}}"}"""));

        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");
        Assert.That(
            error.GetProperty("alternatives").EnumerateArray().Select(a => a.GetProperty("starts_at").GetString()),
            Is.EqualTo(new[] { Wire(Local(new DateOnly(2026, 3, 13), 11, 30)), Wire(Local(new DateOnly(2026, 3, 6), 11, 30)), Wire(Local(new DateOnly(2026, 3, 6), 11, 0)) }),
            "its own Friday time (two days on), then the free week before; the booked-solid fortnight offers nothing else");
    }

    private static DateTimeOffset Local(DateOnly date, int hour, int minute)
    {
        var local = date.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, NewYork.GetUtcOffset(local)).ToUniversalTime();
    }

    private static string Wire(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> BookAsync(TestOrganization organization, string humanId, DateTimeOffset start, int duration) =>
        organization.Client.PostAsync("/v1/bookings", WireJson.Body(
            $$"""{"human_id":"{{humanId}}","starts_at":"{{Wire(start)}}","duration":{{duration}},"attendee_name":"Ada"}"""));

    private static async Task SetBuffersAsync(TestOrganization organization, string humanId, int before, int after)
    {
        var set = await organization.Client.PutAsync($"/v1/humans/{humanId}/availability", WireJson.Body(
            $$"""{{{Hours}},"buffer_before":{{before}},"buffer_after":{{after}}}"""));
        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.OK), await set.Content.ReadAsStringAsync());
    }

    private static async Task<List<DateTimeOffset>> SlotStartsAsync(TestOrganization organization, string humanId, DateOnly from, DateOnly to)
    {
        var slots = await WireJson.ReadAsync(await organization.Client.GetAsync(
            $"/v1/humans/{humanId}/slots?date_from={from:yyyy-MM-dd}&date_to={to:yyyy-MM-dd}&duration=30"));
        return [.. slots.GetProperty("slots").EnumerateArray().Select(s => DateTimeOffset.Parse(s.GetProperty("starts_at").GetString()!, CultureInfo.InvariantCulture))];
    }
}
