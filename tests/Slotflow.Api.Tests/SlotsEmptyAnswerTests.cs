using System.Net;
using System.Text.Json;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>
/// Explained empty answers (spec §11.5) over HTTP: every slot answer has next_available_at (the first bookable start
/// after date_to, up to 92 days on, which a later slot query lists first) and, when empty, empty_reason for each reason
/// from a constructed calendar. UTC, Mon–Fri 09:00–17:00, 60-minute meetings; the clock is Monday 2 March 2026 12:00Z.
/// </summary>
public sealed class SlotsEmptyAnswerTests : ServiceFixture
{
    private const string NineToFive = """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[60]""";
    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
    private TestOrganization _organization = null!;

    protected override TimeProvider Clock => _clock;

    [SetUp]
    public async Task NewOrganization() => _organization = await Factory.CreateOrganizationAsync();

    [Test]
    public async Task AnswersWithSlots_HaveNoReason_AndNextAvailableIsWhatALaterQueryListsFirst()
    {
        var humanId = await HumanAsync();

        var answer = await SlotsAsync(humanId, "2026-03-03", "2026-03-06");

        Assert.That(answer.GetProperty("total").GetInt32(), Is.EqualTo(32));
        Assert.That(answer.GetProperty("empty_reason").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(answer.GetProperty("next_available_at").GetString(), Is.EqualTo("2026-03-09T09:00:00.000Z"), "Friday's next is Monday");
        await AssertNextIsFirstOfLaterQueryAsync(humanId, "2026-03-06", answer);
    }

    [Test]
    public async Task AWeekendIsNotWorking()
    {
        var answer = await SlotsAsync(await HumanAsync(), "2026-03-07", "2026-03-08");

        Assert.That((answer.GetProperty("total").GetInt32(), answer.GetProperty("empty_reason").GetString()), Is.EqualTo((0, "NOT_WORKING")));
        Assert.That(answer.GetProperty("next_available_at").GetString(), Is.EqualTo("2026-03-09T09:00:00.000Z"));
    }

    [Test]
    public async Task AnAllDayBlockIsBlocked()
    {
        var humanId = await HumanAsync();
        await HumanSetup.AddOverrideAsync(_organization.Client, humanId, """{"type":"block","all_day":true,"start_date":"2026-03-03"}""");

        Assert.That((await SlotsAsync(humanId, "2026-03-03", "2026-03-03")).GetProperty("empty_reason").GetString(), Is.EqualTo("BLOCKED"));
    }

    [Test]
    public async Task ADayOfBookingsAndAHoldIsFullyBooked()
    {
        var humanId = await HumanAsync();
        for (var hour = 9; hour < 16; hour++)
        {
            Assert.That((await PostAsync("/v1/bookings", humanId, $"2026-03-03T{hour:00}:00:00Z", ""","attendee_name":"Ada" """)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        Assert.That((await PostAsync("/v1/holds", humanId, "2026-03-03T16:00:00Z")).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var answer = await SlotsAsync(humanId, "2026-03-03", "2026-03-03");
        Assert.That(answer.GetProperty("empty_reason").GetString(), Is.EqualTo("FULLY_BOOKED"));
        Assert.That(answer.GetProperty("next_available_at").GetString(), Is.EqualTo("2026-03-04T09:00:00.000Z"));
    }

    [Test]
    public async Task TodaysPastIsPassed_AndSoIsTheNotice()
    {
        var humanId = await HumanAsync(""","minimum_notice":2880""");
        _clock.Now = new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

        Assert.That((await SlotsAsync(humanId, "2026-03-02", "2026-03-03")).GetProperty("empty_reason").GetString(), Is.EqualTo("PASSED"));
    }

    [Test]
    public async Task PastTheHorizonIsBeyondHorizon_AndNothingIsNext()
    {
        var humanId = await HumanAsync(""","booking_horizon_days":1""");

        var answer = await SlotsAsync(humanId, "2026-03-05", "2026-03-06");

        Assert.That(answer.GetProperty("empty_reason").GetString(), Is.EqualTo("BEYOND_HORIZON"));
        Assert.That(answer.GetProperty("next_available_at").ValueKind, Is.EqualTo(JsonValueKind.Null), "nothing after date_to is within the horizon");
    }

    [Test]
    public async Task AFullDayIsLimitReached()
    {
        var humanId = await HumanAsync(""","daily_booking_limit":1""");
        Assert.That((await PostAsync("/v1/bookings", humanId, "2026-03-03T09:00:00Z", ""","attendee_name":"Ada" """)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        Assert.That((await SlotsAsync(humanId, "2026-03-03", "2026-03-03")).GetProperty("empty_reason").GetString(), Is.EqualTo("LIMIT_REACHED"));
    }

    [Test]
    public async Task NextAvailable_BeyondAFullyBlockedWeek_IsFoundByTheWiderSearch_AndALaterQueryAgrees()
    {
        var humanId = await HumanAsync();
        await HumanSetup.AddOverrideAsync(_organization.Client, humanId, """{"type":"block","all_day":true,"start_date":"2026-03-04","end_date":"2026-04-20"}""");

        var answer = await SlotsAsync(humanId, "2026-03-03", "2026-03-03");

        Assert.That(answer.GetProperty("next_available_at").GetString(), Is.EqualTo("2026-04-21T09:00:00.000Z"));
        await AssertNextIsFirstOfLaterQueryAsync(humanId, "2026-03-03", answer);
    }

    [Test]
    public async Task NothingIn92DaysAfter_IsNull()
    {
        var humanId = await HumanAsync();
        await HumanSetup.AddOverrideAsync(_organization.Client, humanId, """{"type":"block","all_day":true,"start_date":"2026-03-04","end_date":"2026-06-10"}""");

        Assert.That((await SlotsAsync(humanId, "2026-03-03", "2026-03-03")).GetProperty("next_available_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    /// <summary>A query of the 92 days after date_to lists next_available_at as its first slot.</summary>
    private async Task AssertNextIsFirstOfLaterQueryAsync(string humanId, string dateTo, JsonElement answer)
    {
        var after = DateOnly.Parse(dateTo, System.Globalization.CultureInfo.InvariantCulture).AddDays(1);
        var later = await SlotsAsync(humanId, $"{after:yyyy-MM-dd}", $"{after.AddDays(91):yyyy-MM-dd}");
        Assert.That(later.GetProperty("slots")[0].GetProperty("starts_at").GetString(), Is.EqualTo(answer.GetProperty("next_available_at").GetString()));
    }

    private async Task<string> HumanAsync(string rules = "") =>
        await HumanSetup.CreateAsync(_organization.Client, "UTC", NineToFive + rules + "}");

    private async Task<JsonElement> SlotsAsync(string humanId, string from, string to)
    {
        var response = await _organization.Client.GetAsync($"/v1/humans/{humanId}/slots?date_from={from}&date_to={to}&duration=60");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await WireJson.ReadAsync(response);
    }

    private Task<HttpResponseMessage> PostAsync(string path, string humanId, string startsAt, string extra = "") =>
        _organization.Client.PostAsync(path, WireJson.Body($$"""{"human_id":"{{humanId}}","starts_at":"{{startsAt}}","duration":60{{extra}}}"""));
}
