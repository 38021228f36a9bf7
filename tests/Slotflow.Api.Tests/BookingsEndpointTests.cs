using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>
/// POST, GET and DELETE /v1/bookings (spec §4–6) over HTTP, with the service's clock held at 2026-03-01T00:00Z and a
/// human in America/New_York working Mon–Fri 09:00–17:00 with 30- and 60-minute meetings. March 16–22, 2026 is on
/// EDT, so local 10:00 is 14:00Z. No test here races requests against each other.
/// </summary>
public sealed class BookingsEndpointTests
{
    private const string Rules = """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30,60]}""";
    private const string Monday = "2026-03-16";
    private const string Tuesday = "2026-03-17";
    private const string Wednesday = "2026-03-18";
    private const string Saturday = "2026-03-21";

    private static readonly DateTimeOffset HeldNow = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] BookingFields =
        ["id", "human_id", "starts_at", "ends_at", "duration_minutes", "attendee_name", "attendee_email", "status", "metadata", "created_at"];

    private readonly SettableClock _clock = new(HeldNow);
    private SlotflowApiFactory _factory = null!;
    private TestOrganization _organization = null!;
    private string _humanId = null!;

    [OneTimeSetUp]
    public void StartService() =>
        _factory = new SlotflowApiFactory(configureServices: services => services.AddSingleton<TimeProvider>(_clock));

    [OneTimeTearDown]
    public void StopService() => _factory.Dispose();

    /// <summary>Each test gets its own organization (the plan caps humans), one human, and the clock at 2026-03-01.</summary>
    [SetUp]
    public async Task NewOrganizationHumanAndClock()
    {
        _clock.Now = HeldNow;
        _organization = await _factory.CreateOrganizationAsync();
        _humanId = await HumanSetup.CreateAsync(_organization.Client, rules: Rules);
    }

    // ---------------------------------------------------------------- POST: success

    [Test]
    public async Task Create_WithEveryField_Returns201WithLocationAndTheBookingInSpecOrder()
    {
        _clock.Now = new DateTimeOffset(2026, 3, 2, 8, 15, 30, 250, TimeSpan.Zero);

        var response = await _organization.Client.PostAsync("/v1/bookings", WireJson.Body($$$"""
            {"human_id":"{{{_humanId}}}","starts_at":"2026-03-16T14:00:00Z","duration":30,
             "attendee_name":"Grace Hopper","attendee_email":"grace@example.com","metadata":{"source":"agent","call":7}}
            """));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var booking = await WireJson.ReadAsync(response);
        var id = booking.GetProperty("id").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(booking), Is.EqualTo(BookingFields));
            Assert.That(Guid.TryParseExact(id, "D", out _), Is.True, id);
            Assert.That(booking.GetProperty("human_id").GetString(), Is.EqualTo(_humanId));
            Assert.That(booking.GetProperty("starts_at").GetString(), Is.EqualTo("2026-03-16T14:00:00.000Z"));
            Assert.That(booking.GetProperty("ends_at").GetString(), Is.EqualTo("2026-03-16T14:30:00.000Z"));
            Assert.That(booking.GetProperty("duration_minutes").GetInt32(), Is.EqualTo(30));
            Assert.That(booking.GetProperty("attendee_name").GetString(), Is.EqualTo("Grace Hopper"));
            Assert.That(booking.GetProperty("attendee_email").GetString(), Is.EqualTo("grace@example.com"));
            Assert.That(booking.GetProperty("status").GetString(), Is.EqualTo("confirmed"));
            Assert.That(JsonElement.DeepEquals(booking.GetProperty("metadata"), Json("""{"source":"agent","call":7}""")), Is.True, booking.GetProperty("metadata").GetRawText());
            Assert.That(booking.GetProperty("created_at").GetString(), Is.EqualTo("2026-03-02T08:15:30.250Z"));
            Assert.That(response.Headers.Location, Is.Not.Null);
            Assert.That(PathOf(response.Headers.Location!), Is.EqualTo($"/v1/bookings/{id}"));
        });

        var fetched = await _organization.Client.GetAsync(response.Headers.Location);
        Assert.That(fetched.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(JsonElement.DeepEquals(await WireJson.ReadAsync(fetched), booking), Is.True);
    }

    [Test]
    public async Task Create_WithSixtyMinutes_EndsAnHourLater()
    {
        var booking = await BookAsync(At(Monday, "15:00"), 60);

        Assert.Multiple(() =>
        {
            Assert.That(booking.GetProperty("starts_at").GetString(), Is.EqualTo("2026-03-16T19:00:00.000Z"));
            Assert.That(booking.GetProperty("ends_at").GetString(), Is.EqualTo("2026-03-16T20:00:00.000Z"));
            Assert.That(booking.GetProperty("duration_minutes").GetInt32(), Is.EqualTo(60));
        });
    }

    [Test]
    public async Task Create_WithoutEmailAndMetadata_ReturnsThemAsNull()
    {
        var response = await PostAsync($$"""{"human_id":"{{_humanId}}","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":"Ada"}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var booking = await WireJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(booking), Is.EqualTo(BookingFields));
            Assert.That(booking.GetProperty("attendee_email").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(booking.GetProperty("metadata").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Create_WithStartGivenWithAnOffset_StoresAndReturnsItInUtc()
    {
        var response = await PostAsync(BookingJson(_humanId, "2026-03-16T10:00:00-04:00"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var booking = await WireJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(booking.GetProperty("starts_at").GetString(), Is.EqualTo("2026-03-16T14:00:00.000Z"));
            Assert.That(booking.GetProperty("ends_at").GetString(), Is.EqualTo("2026-03-16T14:30:00.000Z"));
        });
        var stored = await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/bookings/{booking.GetProperty("id").GetString()}"));
        Assert.That(stored.GetProperty("starts_at").GetString(), Is.EqualTo("2026-03-16T14:00:00.000Z"));
    }

    [Test]
    public async Task Create_WithStartOffTheSlotGrid_Returns201()
    {
        var booking = await BookAsync(At(Monday, "09:10"));

        Assert.Multiple(() =>
        {
            Assert.That(booking.GetProperty("starts_at").GetString(), Is.EqualTo("2026-03-16T13:10:00.000Z"));
            Assert.That(booking.GetProperty("ends_at").GetString(), Is.EqualTo("2026-03-16T13:40:00.000Z"));
        });
    }

    [Test]
    public async Task Create_EndingExactlyAtTheEndOfWorkingHours_Returns201() =>
        await BookAsync(At(Monday, "16:30"));

    // ---------------------------------------------------------------- POST: the checks of §6, in order

    [Test]
    public async Task Create_ForUnknownHuman_Returns404()
    {
        var response = await PostAsync(BookingJson(Guid.NewGuid().ToString(), At(Monday, "10:00")));

        await WireJson.AssertErrorAsync(response, HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.That(await TotalAsync(), Is.Zero);
    }

    [Test]
    public async Task Create_ForAnotherOrganizationsHuman_Returns404_AndBooksNothingForEither()
    {
        var other = await _factory.CreateOrganizationAsync();
        var foreignHuman = await HumanSetup.CreateAsync(other.Client, rules: Rules);

        var response = await PostAsync(BookingJson(foreignHuman, At(Monday, "10:00")));

        await WireJson.AssertErrorAsync(response, HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.That(await TotalAsync(), Is.Zero);
        Assert.That(await TotalAsync(other.Client), Is.Zero);
    }

    [Test]
    public async Task Create_ForDeletedHuman_Returns404()
    {
        var deleted = await HumanSetup.CreateAsync(_organization.Client, rules: Rules);
        Assert.That((await _organization.Client.DeleteAsync($"/v1/humans/{deleted}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var response = await PostAsync(BookingJson(deleted, At(Monday, "10:00")));

        await WireJson.AssertErrorAsync(response, HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.That(await TotalAsync(), Is.Zero);
    }

    [TestCase(45, TestName = "Create_WithDuration45NotInMeetingDurations_Returns422InvalidDuration")]
    [TestCase(90, TestName = "Create_WithDuration90NotInMeetingDurations_Returns422InvalidDuration")]
    [TestCase(1000, TestName = "Create_WithWellFormedDuration1000NoHumanOffers_Returns422InvalidDurationNotValidationError")]
    [TestCase(1440, TestName = "Create_WithDurationOfAWholeDay_Returns422InvalidDuration")]
    [TestCase(1441, TestName = "Create_WithDurationLongerThanADay_Returns422InvalidDuration")]
    [TestCase(int.MaxValue, TestName = "Create_WithTheLargestDuration_Returns422InvalidDuration")]
    public async Task Create_WithDurationNotOffered_Returns422InvalidDuration(int duration)
    {
        var response = await PostAsync(BookingJson(_humanId, At(Monday, "10:00"), duration));

        await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "INVALID_DURATION");
        Assert.That(await TotalAsync(), Is.Zero);
    }

    [Test]
    public async Task Create_ForHumanWithoutRules_Returns422InvalidDuration()
    {
        var withoutRules = await HumanSetup.CreateAsync(_organization.Client, rules: null);

        var response = await PostAsync(BookingJson(withoutRules, At(Monday, "10:00")));

        await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "INVALID_DURATION");
    }

    [TestCase(Saturday, "10:00", 30, TestName = "Create_OnSaturday_Returns422OutsideWorkingHours")]
    [TestCase("2026-03-22", "10:00", 30, TestName = "Create_OnSunday_Returns422OutsideWorkingHours")]
    [TestCase(Monday, "08:00", 30, TestName = "Create_At0800BeforeWorkStarts_Returns422OutsideWorkingHours")]
    [TestCase(Monday, "08:45", 30, TestName = "Create_StraddlingTheStartOfWork_Returns422OutsideWorkingHours")]
    [TestCase(Monday, "16:45", 30, TestName = "Create_From1645To1715StraddlingTheEndOfWork_Returns422OutsideWorkingHours")]
    [TestCase(Monday, "16:30", 60, TestName = "Create_SixtyMinutesFrom1630_Returns422OutsideWorkingHours")]
    [TestCase(Monday, "17:00", 30, TestName = "Create_StartingExactlyAtWorkEnd_Returns422OutsideWorkingHours")]
    [TestCase(Monday, "23:30", 60, TestName = "Create_OverMidnight_Returns422OutsideWorkingHours")]
    public async Task Create_OutsideWorkingHours_Returns422OutsideWorkingHours(string date, string localTime, int duration)
    {
        var response = await PostAsync(BookingJson(_humanId, At(date, localTime), duration));

        await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "OUTSIDE_WORKING_HOURS");
        Assert.That(await TotalAsync(), Is.Zero);
    }

    [Test]
    public async Task Create_InsideAnOpenOverrideOnSaturday_Returns201()
    {
        await HumanSetup.AddOverrideAsync(_organization.Client, _humanId, """{"type":"open","title":"Saturday","start_date":"2026-03-21","start_time":"10:00","end_time":"14:00"}""");

        var booking = await BookAsync(At(Saturday, "10:00"));

        Assert.That(booking.GetProperty("starts_at").GetString(), Is.EqualTo("2026-03-21T14:00:00.000Z"));
    }

    [Test]
    public async Task Create_StraddlingTheEndOfAnOpenOverride_Returns422OutsideWorkingHours()
    {
        await HumanSetup.AddOverrideAsync(_organization.Client, _humanId, """{"type":"open","title":"Saturday","start_date":"2026-03-21","start_time":"10:00","end_time":"14:00"}""");

        var response = await PostAsync(BookingJson(_humanId, At(Saturday, "13:45")));

        await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "OUTSIDE_WORKING_HOURS");
    }

    /// <summary>Spec §6 check 3: the whole interval must lie inside one window; two touching windows are not one.</summary>
    [Test]
    public async Task Create_SpanningWorkingHoursAndAnAdjacentOpenOverride_Returns422OutsideWorkingHours_WhileEachAloneIsBookable()
    {
        await HumanSetup.AddOverrideAsync(_organization.Client, _humanId, """{"type":"open","title":"Evening","start_date":"2026-03-16","start_time":"17:00","end_time":"19:00"}""");

        var spanning = await PostAsync(BookingJson(_humanId, At(Monday, "16:45")));

        await WireJson.AssertErrorAsync(spanning, HttpStatusCode.UnprocessableEntity, "OUTSIDE_WORKING_HOURS");
        await BookAsync(At(Monday, "16:30"));
        await BookAsync(At(Monday, "17:00"));
    }

    [TestCase("14:30", 30, TestName = "Create_InsideABlock_Returns422ScheduleBlocked")]
    [TestCase("13:45", 30, TestName = "Create_OverlappingTheStartOfABlock_Returns422ScheduleBlocked")]
    [TestCase("14:45", 30, TestName = "Create_OverlappingTheEndOfABlock_Returns422ScheduleBlocked")]
    [TestCase("13:30", 120, TestName = "Create_CoveringAWholeBlock_Returns422ScheduleBlocked")]
    public async Task Create_OverlappingABlock_Returns422ScheduleBlocked(string localTime, int duration)
    {
        // durations [30,60] do not include 120; use a human that offers it for the covering case.
        var humanId = await HumanSetup.CreateAsync(_organization.Client, rules: """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30,60,120]}""");
        await HumanSetup.AddOverrideAsync(_organization.Client, humanId, """{"type":"block","title":"Team sync","start_date":"2026-03-17","start_time":"14:00","end_time":"15:00"}""");

        var response = await PostAsync(BookingJson(humanId, At(Tuesday, localTime), duration));

        await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "SCHEDULE_BLOCKED");
        Assert.That(await TotalAsync(), Is.Zero);
    }

    [Test]
    public async Task Create_TouchingABlockOnEitherSide_Returns201()
    {
        await HumanSetup.AddOverrideAsync(_organization.Client, _humanId, """{"type":"block","title":"Team sync","start_date":"2026-03-17","start_time":"14:00","end_time":"15:00"}""");

        await BookAsync(At(Tuesday, "13:30"));
        await BookAsync(At(Tuesday, "15:00"));
    }

    [Test]
    public async Task Create_InsideAnOpenOverrideThatABlockCovers_Returns422ScheduleBlocked()
    {
        await HumanSetup.AddOverrideAsync(_organization.Client, _humanId, """{"type":"open","title":"Saturday","start_date":"2026-03-21","start_time":"10:00","end_time":"14:00"}""");
        await HumanSetup.AddOverrideAsync(_organization.Client, _humanId, """{"type":"block","title":"Lunch","start_date":"2026-03-21","start_time":"12:00","end_time":"13:00"}""");

        var response = await PostAsync(BookingJson(_humanId, At(Saturday, "12:00")));

        await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "SCHEDULE_BLOCKED");
    }

    [TestCase("10:00", 30, TestName = "Create_AtTheSameStartAsAConfirmedBooking_Returns409SlotUnavailable")]
    [TestCase("10:15", 30, TestName = "Create_PartlyOverlapping1015Against1000_Returns409SlotUnavailable")]
    [TestCase("09:45", 30, TestName = "Create_OverlappingTheStartOfAConfirmedBooking_Returns409SlotUnavailable")]
    [TestCase("09:30", 60, TestName = "Create_CoveringAConfirmedBooking_Returns409SlotUnavailable")]
    public async Task Create_OverlappingAConfirmedBooking_Returns409SlotUnavailable(string localTime, int duration)
    {
        var existing = await BookAsync(At(Monday, "10:00"));

        var response = await PostAsync(BookingJson(_humanId, At(Monday, localTime), duration));

        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");
        Assert.That(error.GetProperty("message").GetString(), Is.EqualTo("The requested slot is no longer available."));
        var list = await ListAsync(string.Empty);
        Assert.That(Ids(list), Is.EqualTo(new[] { existing.GetProperty("id").GetString() }));
    }

    /// <summary>The overlap look-up only reaches back the longest allowed duration (720 minutes); this is its edge.</summary>
    [TestCase("2026-03-16T11:59:00Z", 30, HttpStatusCode.Conflict, TestName = "Create_InTheLastMinuteOfA720MinuteBooking_Returns409SlotUnavailable")]
    [TestCase("2026-03-16T11:59:00Z", 720, HttpStatusCode.Conflict, TestName = "Create_720MinutesFromTheLastMinuteOfA720MinuteBooking_Returns409SlotUnavailable")]
    [TestCase("2026-03-16T12:00:00Z", 30, HttpStatusCode.Created, TestName = "Create_RightAfterA720MinuteBooking_Returns201")]
    public async Task Create_AgainstTheLongestBooking_IsDecidedOnItsWholeLength(string startsAt, int duration, HttpStatusCode expected)
    {
        var human = await HumanSetup.CreateAsync(
            _organization.Client, "UTC", """{"working_days":[1,2,3,4,5,6,7],"work_start":"00:00","work_end":"24:00","meeting_durations":[30,720]}""");
        await BookAsync("2026-03-16T00:00:00Z", 720, humanId: human);

        var response = await PostAsync(BookingJson(human, startsAt, duration));

        Assert.That(response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Create_BackToBack1000And1030_BothReturn201()
    {
        var first = await BookAsync(At(Monday, "10:00"));
        var second = await BookAsync(At(Monday, "10:30"));

        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("ends_at").GetString(), Is.EqualTo(second.GetProperty("starts_at").GetString()));
            Assert.That(second.GetProperty("status").GetString(), Is.EqualTo("confirmed"));
        });
        Assert.That(await TotalAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task Create_BackToBackBeforeAnExistingBooking_Returns201()
    {
        await BookAsync(At(Monday, "10:30"));

        await BookAsync(At(Monday, "10:00"));
    }

    [Test]
    public async Task Create_SameIntervalForAnotherHuman_Returns201()
    {
        var other = await HumanSetup.CreateAsync(_organization.Client, rules: Rules);
        await BookAsync(At(Monday, "10:00"));

        await BookAsync(At(Monday, "10:00"), humanId: other);
    }

    [Test]
    public async Task Create_UnknownHumanWithBadDurationOnSaturday_Returns404First()
    {
        var response = await PostAsync(BookingJson(Guid.NewGuid().ToString(), At(Saturday, "10:00"), 45));

        await WireJson.AssertErrorAsync(response, HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Test]
    public async Task Create_With45MinutesOnSaturday_ReturnsInvalidDurationBeforeOutsideWorkingHours()
    {
        var response = await PostAsync(BookingJson(_humanId, At(Saturday, "10:00"), 45));

        await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "INVALID_DURATION");
    }

    [Test]
    public async Task Create_With45MinutesIntoABlockOverABooking_ReturnsInvalidDurationFirst()
    {
        await BookAsync(At(Tuesday, "14:00"));
        await HumanSetup.AddOverrideAsync(_organization.Client, _humanId, """{"type":"block","start_date":"2026-03-17","start_time":"14:00","end_time":"15:00"}""");

        var response = await PostAsync(BookingJson(_humanId, At(Tuesday, "14:00"), 45));

        await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "INVALID_DURATION");
    }

    [Test]
    public async Task Create_StraddlingWorkEndIntoABlock_ReturnsOutsideWorkingHoursBeforeScheduleBlocked()
    {
        await HumanSetup.AddOverrideAsync(_organization.Client, _humanId, """{"type":"block","start_date":"2026-03-16","start_time":"16:00","end_time":"18:00"}""");

        var response = await PostAsync(BookingJson(_humanId, At(Monday, "16:45")));

        await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "OUTSIDE_WORKING_HOURS");
    }

    [Test]
    public async Task Create_OnADayWithAnAllDayBlockOnSaturday_ReturnsOutsideWorkingHoursBeforeScheduleBlocked()
    {
        await HumanSetup.AddOverrideAsync(_organization.Client, _humanId, """{"type":"block","all_day":true,"start_date":"2026-03-21"}""");

        var response = await PostAsync(BookingJson(_humanId, At(Saturday, "10:00")));

        await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "OUTSIDE_WORKING_HOURS");
    }

    [Test]
    public async Task Create_OverABookingThatABlockNowCovers_ReturnsScheduleBlockedBeforeSlotUnavailable()
    {
        await BookAsync(At(Tuesday, "14:00"));
        await HumanSetup.AddOverrideAsync(_organization.Client, _humanId, """{"type":"block","start_date":"2026-03-17","start_time":"14:00","end_time":"15:00"}""");

        var response = await PostAsync(BookingJson(_humanId, At(Tuesday, "14:00")));

        await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "SCHEDULE_BLOCKED");
    }

    [Test]
    public async Task Create_WithBadFieldsForAnUnknownHuman_ReturnsValidationErrorBeforeNotFound()
    {
        var response = await PostAsync($$"""{"human_id":"{{Guid.NewGuid()}}","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":""}""");

        await AssertValidationErrorAsync(response, "attendee_name");
    }

    // ---------------------------------------------------------------- POST: malformed requests

    private static IEnumerable<TestCaseData> InvalidCreateCases()
    {
        const string H = "{HUMAN}";
        yield return Case("empty body", string.Empty, "body");
        yield return Case("malformed JSON", """{"human_id": """, "body");
        yield return Case("JSON array body", "[]", "body");
        yield return Case("JSON null body", "null", "body");
        yield return Case("human_id missing", """{"starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":"Ada"}""", "human_id");
        yield return Case("human_id not a UUID", """{"human_id":"x","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":"Ada"}""", "human_id");
        yield return Case("human_id a number", """{"human_id":42,"starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":"Ada"}""", "human_id");
        yield return Case("human_id the empty UUID", """{"human_id":"00000000-0000-0000-0000-000000000000","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":"Ada"}""", "human_id");
        yield return Case("starts_at missing", $$"""{"human_id":"{{H}}","duration":30,"attendee_name":"Ada"}""", "starts_at");
        yield return Case("starts_at local time without offset", $$"""{"human_id":"{{H}}","starts_at":"2026-03-16T10:00:00","duration":30,"attendee_name":"Ada"}""", "starts_at");
        yield return Case("starts_at a date only", $$"""{"human_id":"{{H}}","starts_at":"2026-03-16","duration":30,"attendee_name":"Ada"}""", "starts_at");
        yield return Case("starts_at unix seconds", $$"""{"human_id":"{{H}}","starts_at":1773669600,"duration":30,"attendee_name":"Ada"}""", "starts_at");
        yield return Case("starts_at not a whole minute", $$"""{"human_id":"{{H}}","starts_at":"2026-03-16T14:00:30Z","duration":30,"attendee_name":"Ada"}""", "starts_at");
        yield return Case("starts_at with milliseconds", $$"""{"human_id":"{{H}}","starts_at":"2026-03-16T14:00:00.001Z","duration":30,"attendee_name":"Ada"}""", "starts_at");
        yield return Case("starts_at in the past of the held clock", $$"""{"human_id":"{{H}}","starts_at":"2026-02-27T15:00:00Z","duration":30,"attendee_name":"Ada"}""", "starts_at");
        yield return Case("starts_at exactly now", $$"""{"human_id":"{{H}}","starts_at":"2026-03-01T00:00:00Z","duration":30,"attendee_name":"Ada"}""", "starts_at");
        yield return Case("starts_at after the year 3000", $$"""{"human_id":"{{H}}","starts_at":"3001-01-01T15:00:00Z","duration":30,"attendee_name":"Ada"}""", "starts_at");
        yield return Case("duration missing", $$"""{"human_id":"{{H}}","starts_at":"2026-03-16T14:00:00Z","attendee_name":"Ada"}""", "duration");
        yield return Case("duration 0", $$"""{"human_id":"{{H}}","starts_at":"2026-03-16T14:00:00Z","duration":0,"attendee_name":"Ada"}""", "duration");
        yield return Case("duration -5", $$"""{"human_id":"{{H}}","starts_at":"2026-03-16T14:00:00Z","duration":-5,"attendee_name":"Ada"}""", "duration");
        yield return Case("duration a string", $$"""{"human_id":"{{H}}","starts_at":"2026-03-16T14:00:00Z","duration":"30","attendee_name":"Ada"}""", "duration");
        yield return Case("duration fractional", $$"""{"human_id":"{{H}}","starts_at":"2026-03-16T14:00:00Z","duration":30.5,"attendee_name":"Ada"}""", "duration");
        yield return Case("attendee_name missing", $$"""{"human_id":"{{H}}","starts_at":"2026-03-16T14:00:00Z","duration":30}""", "attendee_name");
        yield return Case("attendee_name empty", $$"""{"human_id":"{{H}}","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":""}""", "attendee_name");
        yield return Case("attendee_name blank", $$"""{"human_id":"{{H}}","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":"   "}""", "attendee_name");
        yield return Case("attendee_name of 201 characters", $$"""{"human_id":"{{H}}","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":"{{new string('n', 201)}}"}""", "attendee_name");
        yield return Case("attendee_name a number", $$"""{"human_id":"{{H}}","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":7}""", "attendee_name");
        yield return Case("attendee_email invalid", $$"""{"human_id":"{{H}}","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":"Ada","attendee_email":"not-an-email"}""", "attendee_email");
        yield return Case("attendee_email with a display name", $$"""{"human_id":"{{H}}","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":"Ada","attendee_email":"Ada <ada@example.com>"}""", "attendee_email");
        yield return Case("metadata a string", $$"""{"human_id":"{{H}}","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":"Ada","metadata":"{}"}""", "metadata");
        yield return Case("metadata an array", $$"""{"human_id":"{{H}}","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":"Ada","metadata":[{"a":1}]}""", "metadata");
        yield return Case("metadata a number", $$"""{"human_id":"{{H}}","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":"Ada","metadata":5}""", "metadata");
        yield return Case("metadata a boolean", $$"""{"human_id":"{{H}}","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":"Ada","metadata":true}""", "metadata");
        yield return Case("metadata of 17 KiB", $$"""{"human_id":"{{H}}","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":"Ada","metadata":{{MetadataOfBytes(17 * 1024)}}}""", "metadata");
        yield return Case("metadata one byte over 16 KiB", $$"""{"human_id":"{{H}}","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":"Ada","metadata":{{MetadataOfBytes((16 * 1024) + 1)}}}""", "metadata");
        yield return Case("metadata under 16 KiB in characters but over it in UTF-8 bytes", $$$"""{"human_id":"{{{H}}}","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":"Ada","metadata":{"pad":"{{{new string('é', 8190)}}}"}}""", "metadata");

        static TestCaseData Case(string name, string body, string field) =>
            new TestCaseData(body, field).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(InvalidCreateCases))]
    public async Task Create_WithBadInput_Returns422ValidationErrorNamingTheField_AndCreatesNothing(string body, string field)
    {
        var response = await PostAsync(body.Replace("{HUMAN}", _humanId, StringComparison.Ordinal));

        await AssertValidationErrorAsync(response, field);
        Assert.That(await TotalAsync(), Is.Zero);
    }

    [Test]
    public async Task Create_WithTextPlainContentType_Returns422AndCreatesNothing()
    {
        var response = await _organization.Client.PostAsync("/v1/bookings", WireJson.Body(BookingJson(_humanId, At(Monday, "10:00")), "text/plain"));

        await AssertValidationErrorAsync(response, "body");
        Assert.That(await TotalAsync(), Is.Zero);
    }

    [Test]
    public async Task Create_FarAheadInAListedSlot_IsBooked()
    {
        // 2040-01-02 is a Monday; 09:00 EST is 14:00Z. Slots are listed that far ahead, so they must book.
        var booking = await BookAsync("2040-01-02T14:00:00Z");

        Assert.That(booking.GetProperty("starts_at").GetString(), Is.EqualTo("2040-01-02T14:00:00.000Z"));
    }

    [Test]
    public async Task Create_OneMinuteAfterTheHeldClock_IsNotAValidationError()
    {
        _clock.Now = new DateTimeOffset(2026, 3, 16, 13, 59, 0, TimeSpan.Zero);

        await BookAsync("2026-03-16T14:00:00Z");
    }

    // ---------------------------------------------------------------- metadata

    [Test]
    public async Task Create_WithRichMetadata_ReturnsItUnchanged_OnCreateGetAndList()
    {
        const string metadata = """
            {"customer":{"name":"Zoë Ünal","tags":["vip","日本",{"deep":{"deeper":[1,[2,[3,{"x":null}]]]}}],"empty_object":{},"empty_array":[]},
             "emoji":"🎉👩‍💻","price":1.50,"exp":1e3,"neg_zero":-0,"big":12345678901234567890,"tiny":-1.5E-7,
             "flags":[true,false,null],"nothing":null,"text":"quote \" backslash \\ newline \n tab \t","escaped":"\u00e9\u65e5"}
            """;

        var response = await PostAsync(BookingJson(_humanId, At(Monday, "10:00"), extra: $",\"metadata\":{metadata}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var created = (await WireJson.ReadAsync(response)).GetProperty("metadata");
        var id = (await WireJson.ReadAsync(await _organization.Client.GetAsync("/v1/bookings"))).GetProperty("bookings")[0].GetProperty("id").GetString();
        var fetched = (await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/bookings/{id}"))).GetProperty("metadata");
        var listed = (await WireJson.ReadAsync(await _organization.Client.GetAsync("/v1/bookings"))).GetProperty("bookings")[0].GetProperty("metadata");

        foreach (var (returned, where) in new[] { (created, "POST"), (fetched, "GET"), (listed, "list") })
        {
            Assert.Multiple(() =>
            {
                Assert.That(JsonElement.DeepEquals(returned, Json(metadata)), Is.True, $"{where}: {returned.GetRawText()}");
                Assert.That(WireJson.PropertyNames(returned), Is.EqualTo(WireJson.PropertyNames(Json(metadata))), where);
                Assert.That(returned.GetProperty("customer").GetProperty("name").GetString(), Is.EqualTo("Zoë Ünal"), where);
                Assert.That(returned.GetProperty("customer").GetProperty("tags")[1].GetString(), Is.EqualTo("日本"), where);
                Assert.That(returned.GetProperty("emoji").GetString(), Is.EqualTo("🎉👩‍💻"), where);
                Assert.That(returned.GetProperty("escaped").GetString(), Is.EqualTo("é日"), where);
                Assert.That(returned.GetProperty("text").GetString(), Is.EqualTo("quote \" backslash \\ newline \n tab \t"), where);
                Assert.That(returned.GetProperty("price").GetRawText(), Is.EqualTo("1.50"), where);
                Assert.That(returned.GetProperty("exp").GetRawText(), Is.EqualTo("1e3"), where);
                Assert.That(returned.GetProperty("neg_zero").GetRawText(), Is.EqualTo("-0"), where);
                Assert.That(returned.GetProperty("big").GetRawText(), Is.EqualTo("12345678901234567890"), where);
                Assert.That(returned.GetProperty("tiny").GetRawText(), Is.EqualTo("-1.5E-7"), where);
                Assert.That(returned.GetProperty("flags").GetRawText(), Is.EqualTo("[true,false,null]"), where);
                Assert.That(returned.GetProperty("nothing").ValueKind, Is.EqualTo(JsonValueKind.Null), where);
                Assert.That(returned.GetProperty("customer").GetProperty("empty_object").GetRawText(), Is.EqualTo("{}"), where);
                Assert.That(returned.GetProperty("customer").GetProperty("empty_array").GetRawText(), Is.EqualTo("[]"), where);
            });
        }
    }

    [TestCase("", TestName = "Create_WithMetadataAbsent_ReturnsNull")]
    [TestCase(",\"metadata\":null", TestName = "Create_WithMetadataNull_ReturnsNull")]
    public async Task Create_WithoutMetadata_ReturnsNull(string extra)
    {
        var response = await PostAsync(BookingJson(_humanId, At(Monday, "10:00"), extra: extra));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = (await WireJson.ReadAsync(response)).GetProperty("id").GetString();
        Assert.That((await WireJson.ReadAsync(response)).GetProperty("metadata").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That((await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/bookings/{id}"))).GetProperty("metadata").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Create_WithEmptyMetadataObject_ReturnsAnEmptyObject()
    {
        var booking = await BookAsync(At(Monday, "10:00"), extra: ",\"metadata\":{}");

        Assert.That(booking.GetProperty("metadata").GetRawText(), Is.EqualTo("{}"));
    }

    [Test]
    public async Task Create_WithMetadataOfExactly16KiB_Returns201AndKeepsIt()
    {
        var metadata = MetadataOfBytes(16 * 1024);
        Assert.That(Encoding.UTF8.GetByteCount(metadata), Is.EqualTo(16 * 1024));

        var booking = await BookAsync(At(Monday, "10:00"), extra: $",\"metadata\":{metadata}");

        Assert.That(JsonElement.DeepEquals(booking.GetProperty("metadata"), Json(metadata)), Is.True);
    }

    // ---------------------------------------------------------------- GET one

    [Test]
    public async Task Get_ReturnsTheSameBodyAsCreate()
    {
        var created = await BookAsync(At(Monday, "10:00"), extra: ",\"attendee_email\":\"ada@example.com\",\"metadata\":{\"k\":[1,2]}");

        var response = await _organization.Client.GetAsync($"/v1/bookings/{created.GetProperty("id").GetString()}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var fetched = await WireJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(fetched), Is.EqualTo(BookingFields));
            Assert.That(fetched.GetRawText(), Is.EqualTo(created.GetRawText()));
        });
    }

    [Test]
    public async Task Get_AnotherOrganizationsBooking_Returns404()
    {
        var other = await _factory.CreateOrganizationAsync();
        var foreignHuman = await HumanSetup.CreateAsync(other.Client, rules: Rules);
        var foreign = await BookAsync(At(Monday, "10:00"), humanId: foreignHuman, client: other.Client);

        var response = await _organization.Client.GetAsync($"/v1/bookings/{foreign.GetProperty("id").GetString()}");

        await WireJson.AssertErrorAsync(response, HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [TestCase("00000000-0000-0000-0000-000000000000")]
    [TestCase("6f9619ff-8b86-4d11-b42d-00c04fc964ff")]
    [TestCase("not-a-uuid")]
    [TestCase("12345")]
    [TestCase("6f9619ff-8b86-4d11-b42d-00c04fc964fg")]
    public async Task Get_UnknownOrNonUuidId_Returns404(string id) =>
        await WireJson.AssertErrorAsync(await _organization.Client.GetAsync($"/v1/bookings/{id}"), HttpStatusCode.NotFound, "NOT_FOUND");

    // ---------------------------------------------------------------- GET list

    [Test]
    public async Task List_WithoutBookings_ReturnsTheEmptyEnvelopeWithDefaults()
    {
        var response = await _organization.Client.GetAsync("/v1/bookings");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var list = await WireJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(list), Is.EqualTo(new[] { "bookings", "total", "limit", "offset" }));
            Assert.That(list.GetProperty("bookings").GetArrayLength(), Is.Zero);
            Assert.That(list.GetProperty("total").GetInt32(), Is.Zero);
            Assert.That(list.GetProperty("limit").GetInt32(), Is.EqualTo(50));
            Assert.That(list.GetProperty("offset").GetInt32(), Is.Zero);
        });
    }

    [Test]
    public async Task List_ReturnsFullBookingsNewestStartFirst_WhateverTheCreationOrder()
    {
        var bookings = await CreateFourBookingsAsync();

        var list = await ListAsync(string.Empty);

        Assert.Multiple(() =>
        {
            Assert.That(Ids(list), Is.EqualTo(Expected(bookings, "DCBA")));
            Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(4));
            Assert.That(list.GetProperty("bookings").EnumerateArray().Select(WireJson.PropertyNames), Has.All.EqualTo(BookingFields));
            Assert.That(list.GetProperty("bookings")[0].GetRawText(), Is.EqualTo(bookings['D'].GetRawText()));
        });
    }

    [TestCase("date_from=2026-03-17&date_to=2026-03-17", "B", TestName = "List_WithOneUtcDateAsBothBounds_ReturnsThatWholeUtcDay")]
    [TestCase("date_from=2026-03-18", "DC", TestName = "List_WithDateFrom_CountsTheUtcDateNotTheHumansLocalDate")]
    [TestCase("date_to=2026-03-17", "BA", TestName = "List_WithDateTo_IncludesItsWholeUtcDayAndNoMore")]
    [TestCase("date_to=2026-03-15", "", TestName = "List_WithDateToBeforeEveryBooking_ReturnsNone")]
    [TestCase("date_from=2026-03-17T20:30:00Z&date_to=2026-03-18T00:30:00Z", "CB", TestName = "List_WithInstantBounds_IncludesBookingsStartingExactlyOnEither")]
    [TestCase("date_from=2026-03-17T20:31:00Z", "DC", TestName = "List_WithInstantDateFromAfterAStart_LeavesItOut")]
    [TestCase("date_to=2026-03-18T00:29:00Z", "BA", TestName = "List_WithInstantDateToBeforeAStart_LeavesItOut")]
    [TestCase("date_from=2026-03-17T16:30:00-04:00", "DCB", TestName = "List_WithInstantWithNegativeOffset_IsReadAsThatInstant")]
    [TestCase("date_to=2026-03-17T20:30:00%2B00:00", "BA", TestName = "List_WithInstantWithPlusOffset_IsReadAsThatInstant")]
    [TestCase("date_from=2026-03-17T09:00:00%2B09:00&date_to=2026-03-17", "B", TestName = "List_WithMixedInstantAndDateBounds_CombinesThem")]
    public async Task List_FilteredByDates_ReturnsTheMatchingBookings(string query, string expected)
    {
        var bookings = await CreateFourBookingsAsync();

        var list = await ListAsync(query);

        Assert.Multiple(() =>
        {
            Assert.That(Ids(list), Is.EqualTo(Expected(bookings, expected)));
            Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(expected.Length));
        });
    }

    [Test]
    public async Task List_FilteredByHumanId_ReturnsOnlyThatHumansBookings()
    {
        var bookings = await CreateFourBookingsAsync();
        var other = await HumanSetup.CreateAsync(_organization.Client, rules: Rules);
        var othersBooking = await BookAsync(At(Monday, "10:00"), humanId: other);

        var mine = await ListAsync($"human_id={_humanId}");
        var theirs = await ListAsync($"human_id={other}");
        var nobody = await ListAsync($"human_id={Guid.NewGuid()}");

        Assert.Multiple(() =>
        {
            Assert.That(Ids(mine), Is.EqualTo(Expected(bookings, "DCBA")));
            Assert.That(Ids(theirs), Is.EqualTo(new[] { othersBooking.GetProperty("id").GetString() }));
            Assert.That(theirs.GetProperty("total").GetInt32(), Is.EqualTo(1));
            Assert.That(nobody.GetProperty("total").GetInt32(), Is.Zero);
        });
    }

    [Test]
    public async Task List_FilteredByStatus_SeparatesConfirmedFromCancelled()
    {
        var bookings = await CreateFourBookingsAsync();
        await CancelAsync(bookings['B']);

        var cancelled = await ListAsync("status=cancelled");
        var confirmed = await ListAsync("status=confirmed");
        var all = await ListAsync(string.Empty);
        var combined = await ListAsync($"status=cancelled&human_id={_humanId}&date_from=2026-03-17&date_to=2026-03-17");

        Assert.Multiple(() =>
        {
            Assert.That(Ids(cancelled), Is.EqualTo(Expected(bookings, "B")));
            Assert.That(cancelled.GetProperty("bookings")[0].GetProperty("status").GetString(), Is.EqualTo("cancelled"));
            Assert.That(Ids(confirmed), Is.EqualTo(Expected(bookings, "DCA")));
            Assert.That(confirmed.GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(Ids(all), Is.EqualTo(Expected(bookings, "DCBA")));
            Assert.That(Ids(combined), Is.EqualTo(Expected(bookings, "B")));
        });
    }

    [TestCase("limit=2", "DC", 2, 0, TestName = "List_WithLimit2_ReturnsTheTwoNewestAndTheTotalOfAll")]
    [TestCase("limit=2&offset=2", "BA", 2, 2, TestName = "List_WithLimit2Offset2_ReturnsTheNextPage")]
    [TestCase("limit=2&offset=3", "A", 2, 3, TestName = "List_WithOffsetIntoTheLastPage_ReturnsWhatIsLeft")]
    [TestCase("offset=1", "CBA", 50, 1, TestName = "List_WithOffsetOnly_UsesTheDefaultLimit")]
    [TestCase("offset=10", "", 50, 10, TestName = "List_WithOffsetPastTheEnd_ReturnsNoneButTheTotal")]
    [TestCase("limit=100", "DCBA", 100, 0, TestName = "List_WithLimit100_IsAllowed")]
    [TestCase("limit=1&status=confirmed&date_from=2026-03-17", "D", 1, 0, TestName = "List_PagingWithFilters_CountsOnlyMatchesInTotal")]
    public async Task List_Paged_ReturnsThePageAndEchoesLimitAndOffset(string query, string expected, int limit, int offset)
    {
        var bookings = await CreateFourBookingsAsync();

        var list = await ListAsync(query);

        var expectedTotal = query.Contains("date_from", StringComparison.Ordinal) ? 3 : 4;
        Assert.Multiple(() =>
        {
            Assert.That(Ids(list), Is.EqualTo(Expected(bookings, expected)));
            Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(expectedTotal));
            Assert.That(list.GetProperty("limit").GetInt32(), Is.EqualTo(limit));
            Assert.That(list.GetProperty("offset").GetInt32(), Is.EqualTo(offset));
        });
    }

    [Test]
    public async Task List_WithoutLimit_ReturnsAtMost50_AndTheNextPageHasTheRest()
    {
        var starts = new List<string>();
        foreach (var date in new[] { Monday, Tuesday, Wednesday, "2026-03-19" })
        {
            for (var minutes = 9 * 60; minutes < 17 * 60 && starts.Count < 51; minutes += 30)
            {
                starts.Add(At(date, $"{minutes / 60:00}:{minutes % 60:00}"));
            }
        }

        foreach (var start in starts)
        {
            await BookAsync(start);
        }

        var first = await ListAsync(string.Empty);
        var rest = await ListAsync("offset=50");

        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("bookings").GetArrayLength(), Is.EqualTo(50));
            Assert.That(first.GetProperty("total").GetInt32(), Is.EqualTo(51));
            Assert.That(first.GetProperty("limit").GetInt32(), Is.EqualTo(50));
            Assert.That(rest.GetProperty("bookings").GetArrayLength(), Is.EqualTo(1));
            Assert.That(rest.GetProperty("bookings")[0].GetProperty("starts_at").GetString(), Is.EqualTo("2026-03-16T13:00:00.000Z"));
            Assert.That(
                first.GetProperty("bookings").EnumerateArray().Select(b => b.GetProperty("starts_at").GetString()),
                Is.Ordered.Descending);
        });
    }

    [TestCase("status=pending", "status")]
    [TestCase("status=CONFIRMED", "status")]
    [TestCase("limit=0", "limit")]
    [TestCase("limit=101", "limit")]
    [TestCase("limit=-1", "limit")]
    [TestCase("limit=abc", "limit")]
    [TestCase("limit=1.5", "limit")]
    [TestCase("limit=99999999999", "limit")]
    [TestCase("offset=-1", "offset")]
    [TestCase("offset=abc", "offset")]
    [TestCase("human_id=x", "human_id")]
    [TestCase("human_id=12345", "human_id")]
    [TestCase("date_from=2026-13-01", "date_from")]
    [TestCase("date_from=2026-02-30", "date_from")]
    [TestCase("date_from=yesterday", "date_from")]
    [TestCase("date_to=2026-03-16T10:00:00", "date_to")]
    [TestCase("date_to=16/03/2026", "date_to")]
    public async Task List_WithBadParameter_Returns422NamingTheParameter(string query, string parameter)
    {
        var response = await _organization.Client.GetAsync($"/v1/bookings?{query}");

        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(error.GetProperty("message").GetString(), Does.Contain(parameter));
    }

    /// <summary>A well-formed instant at the end of the calendar is a client's input: 200 or 422, never a 500.</summary>
    [Test]
    public async Task List_WithDateToAtTheLargestInstant_AnswersWithoutAServerError()
    {
        await BookAsync(At(Monday, "10:00"));

        var response = await _organization.Client.GetAsync("/v1/bookings?date_to=9999-12-31T23:59:59.9999999Z");

        Assert.That((int)response.StatusCode, Is.AnyOf(200, 422), await response.Content.ReadAsStringAsync());
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.That((await WireJson.ReadAsync(response)).GetProperty("total").GetInt32(), Is.EqualTo(1));
        }
        else
        {
            await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        }
    }

    [Test]
    public async Task List_ShowsOnlyTheCallersOrganizationsBookings()
    {
        var mine = await BookAsync(At(Monday, "10:00"));
        var other = await _factory.CreateOrganizationAsync();
        var foreignHuman = await HumanSetup.CreateAsync(other.Client, rules: Rules);
        var theirs = await BookAsync(At(Monday, "10:00"), humanId: foreignHuman, client: other.Client);

        var myList = await ListAsync(string.Empty);
        var theirList = await ListAsync(string.Empty, other.Client);
        var peeking = await ListAsync($"human_id={foreignHuman}");

        Assert.Multiple(() =>
        {
            Assert.That(Ids(myList), Is.EqualTo(new[] { mine.GetProperty("id").GetString() }));
            Assert.That(myList.GetProperty("total").GetInt32(), Is.EqualTo(1));
            Assert.That(Ids(theirList), Is.EqualTo(new[] { theirs.GetProperty("id").GetString() }));
            Assert.That(peeking.GetProperty("total").GetInt32(), Is.Zero);
            Assert.That(peeking.GetProperty("bookings").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task List_KeepsBookingsOfADeletedHuman()
    {
        var booking = await BookAsync(At(Monday, "10:00"));
        Assert.That((await _organization.Client.DeleteAsync($"/v1/humans/{_humanId}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var list = await ListAsync($"human_id={_humanId}");

        Assert.That(Ids(list), Is.EqualTo(new[] { booking.GetProperty("id").GetString() }));
    }

    // ---------------------------------------------------------------- DELETE (cancel)

    [Test]
    public async Task Cancel_Returns200WithExactlyIdAndStatus_AndGetShowsCancelled()
    {
        var booking = await BookAsync(At(Monday, "10:00"));
        var id = booking.GetProperty("id").GetString();

        var response = await _organization.Client.DeleteAsync($"/v1/bookings/{id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await WireJson.ReadAsync(response);
        var fetched = await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/bookings/{id}"));
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(body), Is.EqualTo(new[] { "id", "status" }));
            Assert.That(body.GetProperty("id").GetString(), Is.EqualTo(id));
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("cancelled"));
            Assert.That(fetched.GetProperty("status").GetString(), Is.EqualTo("cancelled"));
            foreach (var field in BookingFields.Where(f => f != "status"))
            {
                Assert.That(fetched.GetProperty(field).GetRawText(), Is.EqualTo(booking.GetProperty(field).GetRawText()), field);
            }
        });
    }

    [Test]
    public async Task Cancel_Twice_AnswersTheSame200BothTimes()
    {
        var booking = await BookAsync(At(Monday, "10:00"));
        var id = booking.GetProperty("id").GetString();

        var first = await _organization.Client.DeleteAsync($"/v1/bookings/{id}");
        var second = await _organization.Client.DeleteAsync($"/v1/bookings/{id}");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await second.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
        });
        var fetched = await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/bookings/{id}"));
        Assert.That(fetched.GetProperty("status").GetString(), Is.EqualTo("cancelled"));
    }

    [Test]
    public async Task Cancel_WithJsonContentTypeAndNoBody_Works()
    {
        var booking = await BookAsync(At(Monday, "10:00"));
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/v1/bookings/{booking.GetProperty("id").GetString()}")
        {
            Content = new StringContent(string.Empty, Encoding.UTF8, "application/json"),
        };

        var response = await _organization.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Cancel_ThenRebookTheSameInterval_Returns201_AndTheSlotIsBackAtOnce()
    {
        const string slotsUrl = "slots?date_from=2026-03-16&date_to=2026-03-16&duration=30";
        var slotsBefore = await SlotStartsAsync($"/v1/humans/{_humanId}/{slotsUrl}");
        var booking = await BookAsync(At(Monday, "10:00"));
        var id = booking.GetProperty("id").GetString();

        var whileBooked = await SlotStartsAsync($"/v1/humans/{_humanId}/{slotsUrl}");
        await WireJson.AssertErrorAsync(await PostAsync(BookingJson(_humanId, At(Monday, "10:00"))), HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");
        Assert.That((await _organization.Client.DeleteAsync($"/v1/bookings/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var afterCancel = await SlotStartsAsync($"/v1/humans/{_humanId}/{slotsUrl}");
        var rebooked = await BookAsync(At(Monday, "10:00"));
        var afterRebook = await SlotStartsAsync($"/v1/humans/{_humanId}/{slotsUrl}");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(slotsBefore, Does.Contain("2026-03-16T14:00:00.000Z"));
            Assert.That(slotsBefore, Has.Count.EqualTo(16));
            Assert.That(whileBooked, Does.Not.Contain("2026-03-16T14:00:00.000Z"));
            Assert.That(whileBooked, Has.Count.EqualTo(15));
            Assert.That(afterCancel, Is.EqualTo(slotsBefore));
            Assert.That(afterRebook, Is.EqualTo(whileBooked));
            Assert.That(rebooked.GetProperty("id").GetString(), Is.Not.EqualTo(id));
            Assert.That(Ids(await ListAsync("status=confirmed")), Is.EqualTo(new[] { rebooked.GetProperty("id").GetString() }));
        });
    }

    [Test]
    public async Task Cancel_OfA60MinuteBooking_FreesBothSlotsItCovered()
    {
        var booking = await BookAsync(At(Monday, "10:00"), 60);
        const string url = "slots?date_from=2026-03-16&date_to=2026-03-16&duration=30";
        var whileBooked = await SlotStartsAsync($"/v1/humans/{_humanId}/{url}");

        await CancelAsync(booking);

        var after = await SlotStartsAsync($"/v1/humans/{_humanId}/{url}");
        Assert.Multiple(() =>
        {
            Assert.That(whileBooked, Does.Not.Contain("2026-03-16T14:00:00.000Z").And.Not.Contain("2026-03-16T14:30:00.000Z"));
            Assert.That(after, Does.Contain("2026-03-16T14:00:00.000Z").And.Contain("2026-03-16T14:30:00.000Z"));
        });
        await BookAsync(At(Monday, "10:30"));
    }

    [Test]
    public async Task Cancel_AnotherOrganizationsBooking_Returns404_AndItStaysConfirmed()
    {
        var other = await _factory.CreateOrganizationAsync();
        var foreignHuman = await HumanSetup.CreateAsync(other.Client, rules: Rules);
        var foreign = await BookAsync(At(Monday, "10:00"), humanId: foreignHuman, client: other.Client);
        var id = foreign.GetProperty("id").GetString();

        var response = await _organization.Client.DeleteAsync($"/v1/bookings/{id}");

        await WireJson.AssertErrorAsync(response, HttpStatusCode.NotFound, "NOT_FOUND");
        var asSeenByOwner = await WireJson.ReadAsync(await other.Client.GetAsync($"/v1/bookings/{id}"));
        Assert.That(asSeenByOwner.GetProperty("status").GetString(), Is.EqualTo("confirmed"));
        await WireJson.AssertErrorAsync(await other.Client.PostAsync("/v1/bookings", WireJson.Body(BookingJson(foreignHuman, At(Monday, "10:00")))), HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");
    }

    [TestCase("6f9619ff-8b86-4d11-b42d-00c04fc964ff")]
    [TestCase("not-a-uuid")]
    public async Task Cancel_UnknownOrNonUuidId_Returns404(string id) =>
        await WireJson.AssertErrorAsync(await _organization.Client.DeleteAsync($"/v1/bookings/{id}"), HttpStatusCode.NotFound, "NOT_FOUND");

    // ---------------------------------------------------------------- slots subtract bookings

    /// <summary>Issue 3's documented example, now with its Monday 10:00–10:30 booking made over HTTP.</summary>
    [Test]
    public async Task Slots_ForTheDocumentedWeekWithAMondayBooking_MatchTheSpecExample()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        await HumanSetup.AddOverrideAsync(_organization.Client, humanId, """{"type":"block","title":"Team sync","start_date":"2026-03-03","start_time":"14:00","end_time":"15:00","recurrence":{"freq":"weekly","days":[2]}}""");
        await HumanSetup.AddOverrideAsync(_organization.Client, humanId, """{"type":"open","title":"Saturday","start_date":"2026-03-21","start_time":"10:00","end_time":"14:00"}""");
        await BookAsync(At(Monday, "10:00"), humanId: humanId);

        var body = await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/humans/{humanId}/slots?date_from=2026-03-16&date_to=2026-03-22&duration=30"));

        var starts = body.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("starts_at").GetString()!).ToList();
        var perDay = starts.GroupBy(s => s[..10]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Multiple(() =>
        {
            Assert.That(perDay, Is.EqualTo(new Dictionary<string, int>
            {
                ["2026-03-16"] = 15, ["2026-03-17"] = 14, ["2026-03-18"] = 16, ["2026-03-19"] = 16, ["2026-03-20"] = 16, ["2026-03-21"] = 8,
            }));
            Assert.That(body.GetProperty("total").GetInt32(), Is.EqualTo(85));
            Assert.That(starts, Does.Not.Contain("2026-03-16T14:00:00.000Z"));
            Assert.That(starts, Does.Contain("2026-03-16T13:30:00.000Z").And.Contain("2026-03-16T14:30:00.000Z"));
            Assert.That(starts[0], Is.EqualTo("2026-03-16T13:00:00.000Z"));
            Assert.That(starts, Does.Not.Contain("2026-03-17T18:00:00.000Z").And.Not.Contain("2026-03-17T18:30:00.000Z"));
            Assert.That(starts.First(s => s.StartsWith(Saturday, StringComparison.Ordinal)), Is.EqualTo("2026-03-21T14:00:00.000Z"));
            Assert.That(starts, Is.Ordered);
        });
    }

    [Test]
    public async Task Slots_WithACancelledBooking_AreNotReduced()
    {
        var booking = await BookAsync(At(Monday, "10:00"));
        await CancelAsync(booking);

        var starts = await SlotStartsAsync($"/v1/humans/{_humanId}/slots?date_from=2026-03-16&date_to=2026-03-16&duration=30");

        Assert.That(starts, Has.Count.EqualTo(16));
    }

    [Test]
    public async Task Slots_AroundAnOffGridBooking_LeaveOutEveryOverlappedCandidate()
    {
        await BookAsync(At(Monday, "10:15"));

        var starts = await SlotStartsAsync($"/v1/humans/{_humanId}/slots?date_from=2026-03-16&date_to=2026-03-16&duration=30");

        Assert.Multiple(() =>
        {
            Assert.That(starts, Does.Not.Contain("2026-03-16T14:00:00.000Z").And.Not.Contain("2026-03-16T14:30:00.000Z"));
            Assert.That(starts, Has.Count.EqualTo(14));
        });
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>A wall-clock time on a date of March 16–22, 2026 in New York (EDT, −04:00).</summary>
    private static string At(string date, string localTime) => $"{date}T{localTime}:00-04:00";

    private static string BookingJson(string humanId, string startsAt, int duration = 30, string extra = "") =>
        $$"""{"human_id":"{{humanId}}","starts_at":"{{startsAt}}","duration":{{duration}},"attendee_name":"Grace Hopper"{{extra}}}""";

    /// <summary>A JSON object whose serialised text is exactly <paramref name="bytes"/> UTF-8 bytes.</summary>
    private static string MetadataOfBytes(int bytes) => $$"""{"pad":"{{new string('x', bytes - """{"pad":""}""".Length)}}"}""";

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string PathOf(Uri location) => location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString;

    private static IReadOnlyList<string?> Ids(JsonElement list) =>
        [.. list.GetProperty("bookings").EnumerateArray().Select(b => b.GetProperty("id").GetString())];

    private static IReadOnlyList<string?> Expected(Dictionary<char, JsonElement> bookings, string letters) =>
        [.. letters.Select(letter => bookings[letter].GetProperty("id").GetString())];

    private Task<HttpResponseMessage> PostAsync(string json) => _organization.Client.PostAsync("/v1/bookings", WireJson.Body(json));

    private async Task<JsonElement> BookAsync(string startsAt, int duration = 30, string extra = "", string? humanId = null, HttpClient? client = null)
    {
        var response = await (client ?? _organization.Client).PostAsync("/v1/bookings", WireJson.Body(BookingJson(humanId ?? _humanId, startsAt, duration, extra)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await WireJson.ReadAsync(response);
    }

    private async Task CancelAsync(JsonElement booking)
    {
        var response = await _organization.Client.DeleteAsync($"/v1/bookings/{booking.GetProperty("id").GetString()}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>
    /// A: Monday 10:00 local (14:00Z); B: Tuesday 16:30 local (20:30Z); C: Tuesday 20:30 local in an evening open
    /// override, which is already Wednesday 00:30 in UTC; D: Wednesday 09:00 local (13:00Z). Created out of order.
    /// </summary>
    private async Task<Dictionary<char, JsonElement>> CreateFourBookingsAsync()
    {
        await HumanSetup.AddOverrideAsync(_organization.Client, _humanId, """{"type":"open","title":"Evening","start_date":"2026-03-17","start_time":"19:00","end_time":"22:00"}""");
        var bookings = new Dictionary<char, JsonElement>
        {
            ['B'] = await BookAsync(At(Tuesday, "16:30")),
            ['D'] = await BookAsync(At(Wednesday, "09:00")),
            ['A'] = await BookAsync(At(Monday, "10:00")),
            ['C'] = await BookAsync(At(Tuesday, "20:30")),
        };
        Assert.That(bookings['C'].GetProperty("starts_at").GetString(), Is.EqualTo("2026-03-18T00:30:00.000Z"));
        return bookings;
    }

    private async Task<JsonElement> ListAsync(string query, HttpClient? client = null)
    {
        var response = await (client ?? _organization.Client).GetAsync($"/v1/bookings?{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await WireJson.ReadAsync(response);
    }

    private async Task<int> TotalAsync(HttpClient? client = null) => (await ListAsync(string.Empty, client)).GetProperty("total").GetInt32();

    private async Task<List<string>> SlotStartsAsync(string url)
    {
        var response = await _organization.Client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return [.. (await WireJson.ReadAsync(response)).GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("starts_at").GetString()!)];
    }

    private static async Task AssertValidationErrorAsync(HttpResponseMessage response, string field)
    {
        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        var fields = error.TryGetProperty("details", out var details)
            ? details.EnumerateArray().Select(d => d.GetProperty("field").GetString()).ToList()
            : [];
        Assert.Multiple(() =>
        {
            Assert.That(error.GetProperty("message").GetString(), Does.Contain(field), error.GetRawText());
            Assert.That(fields, Has.Some.StartsWith(field), error.GetRawText());
        });
    }
}
