using System.Net;
using System.Text.Json;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>POST /v1/bookings: a booking made, as it is answered.</summary>
public sealed partial class BookingsEndpointTests
{
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
}
