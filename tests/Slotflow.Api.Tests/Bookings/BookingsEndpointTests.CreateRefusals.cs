using System.Net;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>POST /v1/bookings: the checks of spec §6, in their order.</summary>
public sealed partial class BookingsEndpointTests
{
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
        var other = await Factory.CreateOrganizationAsync();
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
}
