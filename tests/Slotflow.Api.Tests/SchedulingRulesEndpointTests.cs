using System.Net;
using System.Text.Json;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>
/// The rules of spec §10 over HTTP: PUT with them, every response showing them, 422 for bad ones (changing nothing),
/// and bookings, checks and slots obeying them. New York; the clock is Monday 2 March 2026 14:00Z (09:00 EST).
/// </summary>
public sealed class SchedulingRulesEndpointTests : ServiceFixture
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private readonly SettableClock _clock = new(Now);
    private TestOrganization _organization = null!;

    protected override TimeProvider Clock => _clock;

    [SetUp]
    public async Task CreateOrganization() => _organization = await Factory.CreateOrganizationAsync();

    [Test]
    public async Task Put_WithEveryRule_AnswersThemAll_AndGetShowsTheSame()
    {
        var id = await HumanSetup.CreateAsync(_organization.Client, rules: null);
        var response = await PutAsync(id, """
            {"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30,60],
             "slot_interval":15,"buffer_before":10,"buffer_after":5,"minimum_notice":120,"booking_horizon_days":30,
             "daily_booking_limit":4,"weekly_booking_limit":12}
            """);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        const string expected = """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30,60],"slot_interval":15,"buffer_before":10,"buffer_after":5,"minimum_notice":120,"booking_horizon_days":30,"daily_booking_limit":4,"weekly_booking_limit":12,"weekly_hours":null}""";
        Assert.That((await WireJson.ReadAsync(response)).GetProperty("availability_rules").GetRawText(), Is.EqualTo(expected));
        Assert.That((await GetRulesAsync(id)).GetRawText(), Is.EqualTo(expected));
    }

    [Test]
    public async Task Put_WithWeeklyHoursAlone_ShowsTheirSummaryAsTheClassicFields_AndEveryWeekday()
    {
        var id = await HumanSetup.CreateAsync(_organization.Client, rules: null);
        var response = await PutAsync(id, """
            {"meeting_durations":[30],"weekly_hours":{"1":[{"start":"13:00","end":"17:00"},{"start":"09:00","end":"12:00"}],"5":[{"start":"08:30","end":"13:00"}],"6":[]}}
            """);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var rules = await GetRulesAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(rules.GetProperty("working_days").GetRawText(), Is.EqualTo("[1,5]"));
            Assert.That(rules.GetProperty("work_start").GetString(), Is.EqualTo("08:30"));
            Assert.That(rules.GetProperty("work_end").GetString(), Is.EqualTo("17:00"));
            Assert.That(
                rules.GetProperty("weekly_hours").GetRawText(),
                Is.EqualTo("""{"1":[{"start":"09:00","end":"12:00"},{"start":"13:00","end":"17:00"}],"2":[],"3":[],"4":[],"5":[{"start":"08:30","end":"13:00"}],"6":[],"7":[]}"""));
        });
    }

    [Test]
    public async Task WeeklyHours_SplitTheDay_ForSlotsAndBookings()
    {
        var id = await HumanSetup.CreateAsync(_organization.Client, rules: null);
        await PutAsync(id, """{"meeting_durations":[60],"weekly_hours":{"2":[{"start":"09:00","end":"11:00"},{"start":"13:00","end":"14:00"}]}}""");

        var slots = await SlotStartsAsync(id, "2026-03-03", 60);
        Assert.That(slots, Is.EqualTo(new[] { "2026-03-03T14:00:00.000Z", "2026-03-03T15:00:00.000Z", "2026-03-03T18:00:00.000Z" }));
        await WireJson.AssertErrorAsync(await BookAsync(id, "2026-03-03T16:30:00Z", 60), HttpStatusCode.UnprocessableEntity, "OUTSIDE_WORKING_HOURS");
        Assert.That((await BookAsync(id, "2026-03-03T18:00:00Z", 60)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [TestCase("""{"working_days":[1],"work_start":"09:00","work_end":"17:00","meeting_durations":[30],"slot_interval":7}""", "slot_interval")]
    [TestCase("""{"working_days":[1],"work_start":"09:00","work_end":"17:00","meeting_durations":[30],"slot_interval":725}""", "slot_interval")]
    [TestCase("""{"working_days":[1],"work_start":"09:00","work_end":"17:00","meeting_durations":[30],"buffer_before":-5}""", "buffer_before")]
    [TestCase("""{"working_days":[1],"work_start":"09:00","work_end":"17:00","meeting_durations":[30],"buffer_after":245}""", "buffer_after")]
    [TestCase("""{"working_days":[1],"work_start":"09:00","work_end":"17:00","meeting_durations":[30],"buffer_after":12}""", "buffer_after")]
    [TestCase("""{"working_days":[1],"work_start":"09:00","work_end":"17:00","meeting_durations":[30],"minimum_notice":525601}""", "minimum_notice")]
    [TestCase("""{"working_days":[1],"work_start":"09:00","work_end":"17:00","meeting_durations":[30],"booking_horizon_days":0}""", "booking_horizon_days")]
    [TestCase("""{"working_days":[1],"work_start":"09:00","work_end":"17:00","meeting_durations":[30],"booking_horizon_days":3651}""", "booking_horizon_days")]
    [TestCase("""{"working_days":[1],"work_start":"09:00","work_end":"17:00","meeting_durations":[30],"daily_booking_limit":0}""", "daily_booking_limit")]
    [TestCase("""{"working_days":[1],"work_start":"09:00","work_end":"17:00","meeting_durations":[30],"weekly_booking_limit":-1}""", "weekly_booking_limit")]
    [TestCase("""{"working_days":[1],"work_start":"09:00","work_end":"17:00","meeting_durations":[30],"buffer_before":"10"}""", null)]
    [TestCase("""{"meeting_durations":[30],"weekly_hours":{"8":[{"start":"09:00","end":"10:00"}]}}""", "weekly_hours")]
    [TestCase("""{"meeting_durations":[30],"weekly_hours":{"1":[{"start":"10:00","end":"09:00"}]}}""", "weekly_hours")]
    [TestCase("""{"meeting_durations":[30],"weekly_hours":{"1":[{"start":"09:00","end":"12:00"},{"start":"11:00","end":"13:00"}]}}""", "weekly_hours")]
    [TestCase("""{"meeting_durations":[30],"weekly_hours":{"1":[{"start":"9:00","end":"12:00"}]}}""", "weekly_hours")]
    [TestCase("""{"meeting_durations":[30],"weekly_hours":{"1":[]}}""", "weekly_hours")]
    [TestCase("""{"meeting_durations":[30],"weekly_hours":{"1":[{"start":"09:00"}]}}""", "weekly_hours")]
    [TestCase("""{"meeting_durations":[30],"weekly_hours":{"1":[{"start":"09:00","end":"10:00"}]},"work_start":"25:00"}""", "work_start")]
    [TestCase("""{"meeting_durations":[30]}""", "working_days")]
    public async Task Put_WithABadRule_Is422NamingIt_AndChangesNothing(string body, string? field)
    {
        var id = await HumanSetup.CreateAsync(_organization.Client);
        var before = (await GetRulesAsync(id)).GetRawText();

        var error = await WireJson.AssertErrorAsync(await PutAsync(id, body), HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");

        if (field is not null)
        {
            Assert.That(error.GetProperty("message").GetString(), Does.Contain(field));
        }

        Assert.That((await GetRulesAsync(id)).GetRawText(), Is.EqualTo(before));
    }

    [TestCase("2026-03-02T15:00:00Z", "NOTICE_TOO_SHORT")] // 10:00, an hour away; the notice is two
    [TestCase("2026-03-17T14:00:00Z", "BEYOND_HORIZON")] // 10:00 EDT on the 17th; the horizon is 14 days
    [TestCase("2026-03-03T03:00:00Z", "OUTSIDE_WORKING_HOURS")] // 22:00 EST: notice and horizon pass, the hours do not
    public async Task Bookings_AndChecks_AreRefusedByNoticeAndHorizon(string startsAt, string code)
    {
        var id = await HumanSetup.CreateAsync(_organization.Client, rules: null);
        await PutAsync(id, """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30],"minimum_notice":120,"booking_horizon_days":14}""");
        await WireJson.AssertErrorAsync(await BookAsync(id, startsAt, 30), HttpStatusCode.UnprocessableEntity, code);
        var check = await WireJson.ReadAsync(await _organization.Client.PostAsync("/v1/bookings/check", WireJson.Body(BookingJson(id, startsAt, 30))));
        Assert.That(check.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo(code));
        Assert.That(await SlotStartsAsync(id, "2026-03-02", 30), Does.Not.Contain("2026-03-02T15:00:00.000Z").And.Contain("2026-03-02T16:00:00.000Z"));
        Assert.That(await SlotStartsAsync(id, "2026-03-17", 30), Is.Empty);
    }

    [Test]
    public async Task TheDailyAndWeeklyLimits_AreRefusedWithBookingLimitReached_NamingWhich()
    {
        var id = await HumanSetup.CreateAsync(_organization.Client, rules: null);
        await PutAsync(id, """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30],"daily_booking_limit":1,"weekly_booking_limit":2}""");
        Assert.That((await BookAsync(id, "2026-03-03T14:00:00Z", 30)).StatusCode, Is.EqualTo(HttpStatusCode.Created)); // Tuesday

        var daily = await WireJson.AssertErrorAsync(await BookAsync(id, "2026-03-03T16:00:00Z", 30), HttpStatusCode.UnprocessableEntity, "BOOKING_LIMIT_REACHED");
        Assert.That(daily.GetProperty("message").GetString(), Does.Contain("daily_booking_limit"));
        Assert.That(await SlotStartsAsync(id, "2026-03-03", 30), Is.Empty);

        Assert.That((await BookAsync(id, "2026-03-04T14:00:00Z", 30)).StatusCode, Is.EqualTo(HttpStatusCode.Created)); // Wednesday
        var weekly = await WireJson.AssertErrorAsync(await BookAsync(id, "2026-03-06T14:00:00Z", 30), HttpStatusCode.UnprocessableEntity, "BOOKING_LIMIT_REACHED");
        Assert.That(weekly.GetProperty("message").GetString(), Does.Contain("weekly_booking_limit"));
        Assert.That(await SlotStartsAsync(id, "2026-03-06", 30), Is.Empty);
        Assert.That(await SlotStartsAsync(id, "2026-03-09", 30), Is.Not.Empty, "the next ISO week");

        // A taken interval is reported as taken before the limit.
        await WireJson.AssertErrorAsync(await BookAsync(id, "2026-03-03T14:00:00Z", 30), HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");
    }

    [Test]
    public async Task Buffers_KeepTheBookingsApart_AndTheSlotsSayTheSame()
    {
        var id = await HumanSetup.CreateAsync(_organization.Client, rules: null);
        await PutAsync(id, """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30],"slot_interval":15,"buffer_before":15,"buffer_after":15}""");
        Assert.That((await BookAsync(id, "2026-03-03T16:00:00Z", 30)).StatusCode, Is.EqualTo(HttpStatusCode.Created)); // 11:00–11:30

        await WireJson.AssertErrorAsync(await BookAsync(id, "2026-03-03T16:30:00Z", 30), HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");
        await WireJson.AssertErrorAsync(await BookAsync(id, "2026-03-03T15:15:00Z", 30), HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");
        var slots = await SlotStartsAsync(id, "2026-03-03", 30);
        Assert.That(slots, Does.Contain("2026-03-03T15:00:00.000Z").And.Contain("2026-03-03T17:00:00.000Z"));
        Assert.That(slots, Has.None.InRange("2026-03-03T15:15:00.000Z", "2026-03-03T16:45:00.000Z"));
        Assert.That((await BookAsync(id, "2026-03-03T17:00:00Z", 30)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    private Task<HttpResponseMessage> PutAsync(string id, string body) =>
        _organization.Client.PutAsync($"/v1/humans/{id}/availability", WireJson.Body(body));

    private async Task<JsonElement> GetRulesAsync(string id) =>
        (await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/humans/{id}"))).GetProperty("availability_rules");

    private Task<HttpResponseMessage> BookAsync(string id, string startsAt, int duration) =>
        _organization.Client.PostAsync("/v1/bookings", WireJson.Body(BookingJson(id, startsAt, duration)));

    private static string BookingJson(string id, string startsAt, int duration) =>
        $$"""{"human_id":"{{id}}","starts_at":"{{startsAt}}","duration":{{duration}},"attendee_name":"Ada"}""";

    private async Task<List<string>> SlotStartsAsync(string id, string date, int duration)
    {
        var response = await _organization.Client.GetAsync($"/v1/humans/{id}/slots?date_from={date}&date_to={date}&duration={duration}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return [.. (await WireJson.ReadAsync(response)).GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("starts_at").GetString()!)];
    }
}
