using System.Net;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>GET /v1/bookings/{id}.</summary>
public sealed partial class BookingsEndpointTests
{
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
        var other = await Factory.CreateOrganizationAsync();
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
}
