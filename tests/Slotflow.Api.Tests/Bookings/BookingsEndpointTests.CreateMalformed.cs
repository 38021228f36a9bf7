using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>POST /v1/bookings: malformed requests.</summary>
public sealed partial class BookingsEndpointTests
{
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
}
