using System.Net;
using System.Text;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>DELETE /v1/bookings/{id}.</summary>
public sealed partial class BookingsEndpointTests
{
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
        var other = await Factory.CreateOrganizationAsync();
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
}
