using System.Net;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>POST /v1/bookings/check (spec §11.4): the decision a booking would get, without writing anything.</summary>
public sealed partial class BookingsEndpointTests
{
    [Test]
    public async Task Check_OfAFreeTime_Is200BookableTrue_WithNothingElse_AndBooksNothing()
    {
        var response = await _organization.Client.PostAsync("/v1/bookings/check", WireJson.Body(BookingJson(_humanId, At(Monday, "10:00"))));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"bookable":true}"""));
        Assert.That(await TotalAsync(), Is.Zero);
    }

    [TestCase("07:00", 30, "OUTSIDE_WORKING_HOURS", 422)]
    [TestCase("10:00", 45, "INVALID_DURATION", 422)]
    [TestCase("12:00", 30, "SCHEDULE_BLOCKED", 422)]
    [TestCase("09:00", 60, "SLOT_UNAVAILABLE", 409)]
    public async Task Check_OfARefusedTime_Is200BookableFalse_WithTheErrorTheBookingGets(string localTime, int duration, string code, int status)
    {
        await HumanSetup.AddOverrideAsync(_organization.Client, _humanId, $$"""{"type":"block","start_date":"{{Monday}}","start_time":"12:00","end_time":"13:00"}""");
        Assert.That((await _organization.Client.PostAsync("/v1/bookings", WireJson.Body(BookingJson(_humanId, At(Monday, "09:30"))))).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = BookingJson(_humanId, At(Monday, localTime), duration);

        var check = await WireJson.ReadAsync(await _organization.Client.PostAsync("/v1/bookings/check", WireJson.Body(body)));
        var booking = await WireJson.AssertErrorAsync(
            await _organization.Client.PostAsync("/v1/bookings", WireJson.Body(body)), (HttpStatusCode)status, code);

        Assert.Multiple(() =>
        {
            Assert.That(check.GetProperty("bookable").GetBoolean(), Is.False);
            Assert.That(check.GetProperty("error").GetRawText(), Is.EqualTo(booking.GetRawText()), "the error the booking got, as it got it");
        });
        Assert.That(await TotalAsync(), Is.EqualTo(1), "only the setup's booking");
    }

    [Test]
    public async Task Check_WithABadBody_Is422_AndOfAnUnknownHuman_Is404()
    {
        await WireJson.AssertErrorAsync(
            await _organization.Client.PostAsync("/v1/bookings/check", WireJson.Body($$"""{"human_id":"{{_humanId}}","duration":30,"attendee_name":"A"}""")),
            HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        await WireJson.AssertErrorAsync(
            await _organization.Client.PostAsync("/v1/bookings/check", WireJson.Body(BookingJson(Guid.NewGuid().ToString(), At(Monday, "10:00")))),
            HttpStatusCode.NotFound, "NOT_FOUND");
    }
}
