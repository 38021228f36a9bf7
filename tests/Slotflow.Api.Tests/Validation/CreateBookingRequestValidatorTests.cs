using Slotflow.Api.Contracts;
using Slotflow.Api.Validation;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using static Slotflow.Api.Tests.Validation.ValidationAssert;

namespace Slotflow.Api.Tests.Validation;

public sealed class CreateBookingRequestValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly CreateBookingRequest Valid = new(
        Guid.NewGuid(), new DateTimeOffset(2026, 3, 16, 14, 0, 0, TimeSpan.Zero), 30,
        "Grace Hopper", "grace@example.com", Json("""{"source":"agent"}"""));

    private static IEnumerable<TestCaseData> ValidCommands()
    {
        yield return Case(Valid, "EveryFieldIsGiven");
        yield return Case(Valid with { AttendeeEmail = null, Metadata = null }, "EmailAndMetadataAreAbsent");
        yield return Case(Valid with { Metadata = Json("null") }, "MetadataIsJsonNull");
        yield return Case(Valid with { Metadata = Json("{}") }, "MetadataIsAnEmptyObject");
        yield return Case(Valid with { Metadata = Json(ObjectOfBytes(16 * 1024)) }, "MetadataIsExactly16KiB");
        yield return Case(Valid with { StartsAt = new DateTimeOffset(2026, 3, 16, 10, 0, 0, TimeSpan.FromHours(-4)) }, "StartHasAnOffset");
        yield return Case(Valid with { StartsAt = Now.AddMinutes(1) }, "StartIsOneMinuteFromNow");
        yield return Case(Valid with { StartsAt = new DateTimeOffset(3000, 12, 31, 23, 59, 0, TimeSpan.Zero) }, "StartIsInTheLastYear3000");
        yield return Case(Valid with { Duration = 1 }, "DurationIs1");
        yield return Case(Valid with { Duration = 45 }, "DurationIsWellFormedButPerhapsNotOffered");
        yield return Case(Valid with { Duration = 1000 }, "DurationIs1000");
        yield return Case(Valid with { Duration = 1440 }, "DurationIsAWholeDay");
        yield return Case(Valid with { Duration = 1441 }, "DurationIs1441");
        yield return Case(Valid with { Duration = int.MaxValue }, "DurationIsIntMax");
        yield return Case(Valid with { AttendeeName = new string('n', 200) }, "AttendeeNameIs200Characters");
        yield return Case(Valid with { AttendeeName = "A" }, "AttendeeNameIsOneCharacter");

        static TestCaseData Case(CreateBookingRequest command, string when) =>
            new TestCaseData(command).SetName($"Validate_When{when}_HasNoErrors");
    }

    private static IEnumerable<TestCaseData> InvalidCommands()
    {
        yield return Case(Valid with { HumanId = null }, "human_id", "HumanIdIsMissing");
        yield return Case(Valid with { HumanId = Guid.Empty }, "human_id", "HumanIdIsTheEmptyUuid");
        yield return Case(Valid with { StartsAt = null }, "starts_at", "StartIsMissing");
        yield return Case(Valid with { StartsAt = Valid.StartsAt!.Value.AddSeconds(30) }, "starts_at", "StartIsNotAWholeMinute");
        yield return Case(Valid with { StartsAt = Valid.StartsAt!.Value.AddMilliseconds(1) }, "starts_at", "StartHasMilliseconds");
        yield return Case(Valid with { StartsAt = Now }, "starts_at", "StartIsExactlyNow");
        yield return Case(Valid with { StartsAt = Now.AddMinutes(-1) }, "starts_at", "StartIsInThePast");
        yield return Case(Valid with { StartsAt = new DateTimeOffset(3001, 1, 1, 0, 0, 0, TimeSpan.Zero) }, "starts_at", "StartIsAfterTheYear3000");
        yield return Case(Valid with { Duration = null }, "duration", "DurationIsMissing");
        yield return Case(Valid with { Duration = 0 }, "duration", "DurationIs0");
        yield return Case(Valid with { Duration = -5 }, "duration", "DurationIsNegative");
        yield return Case(Valid with { AttendeeName = null }, "attendee_name", "AttendeeNameIsMissing");
        yield return Case(Valid with { AttendeeName = "" }, "attendee_name", "AttendeeNameIsEmpty");
        yield return Case(Valid with { AttendeeName = "   " }, "attendee_name", "AttendeeNameIsBlank");
        yield return Case(Valid with { AttendeeName = new string('n', 201) }, "attendee_name", "AttendeeNameIs201Characters");
        yield return Case(Valid with { AttendeeEmail = "not-an-email" }, "attendee_email", "AttendeeEmailHasNoAt");
        yield return Case(Valid with { AttendeeEmail = "Ada <ada@example.com>" }, "attendee_email", "AttendeeEmailHasADisplayName");
        yield return Case(Valid with { AttendeeEmail = new string('e', 243) + "@example.com" }, "attendee_email", "AttendeeEmailIsLongerThan254");
        yield return Case(Valid with { Metadata = Json("\"text\"") }, "metadata", "MetadataIsAString");
        yield return Case(Valid with { Metadata = Json("[1,2]") }, "metadata", "MetadataIsAnArray");
        yield return Case(Valid with { Metadata = Json("5") }, "metadata", "MetadataIsANumber");
        yield return Case(Valid with { Metadata = Json("true") }, "metadata", "MetadataIsABoolean");
        yield return Case(Valid with { Metadata = Json(ObjectOfBytes((16 * 1024) + 1)) }, "metadata", "MetadataIsOneByteOver16KiB");
        yield return Case(Valid with { Metadata = Json(ObjectOfBytes(17 * 1024)) }, "metadata", "MetadataIs17KiB");
        yield return Case(Valid with { Metadata = Json($$"""{"pad":"{{new string('é', 8190)}}"}""") }, "metadata", "MetadataIsUnder16KiBInCharactersButOverInUtf8Bytes");

        static TestCaseData Case(CreateBookingRequest command, string field, string when) =>
            new TestCaseData(command, field).SetName($"Validate_When{when}_RefusesOnly{field}");
    }

    [TestCaseSource(nameof(ValidCommands))]
    public void Validate_WhenCommandIsValid_HasNoErrors(CreateBookingRequest command) =>
        Assert.That(InvalidFields(Validator(), command), Is.Empty);

    [TestCaseSource(nameof(InvalidCommands))]
    public void Validate_WhenOneFieldIsInvalid_NamesThatWireField(CreateBookingRequest command, string field) =>
        Assert.That(InvalidFields(Validator(), command), Is.EqualTo(new[] { field }));

    [Test]
    public void Validate_WhenEverythingIsMissing_NamesEveryRequiredField() =>
        Assert.That(
            InvalidFields(Validator(), new CreateBookingRequest(null, null, null, null, null, null)),
            Is.EquivalentTo(new[] { "human_id", "starts_at", "duration", "attendee_name" }));

    [Test]
    public void Validate_Messages_NameTheirField()
    {
        var result = Validator().Validate(new CreateBookingRequest(null, Now, 0, "", "x", Json("[]")));

        Assert.That(result.Errors, Is.Not.Empty);
        Assert.That(result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)), Has.All.Matches<(string Field, string Message)>(e => e.Message.Contains(e.Field, StringComparison.Ordinal)));
    }

    [Test]
    public void Validate_UsesTheInjectedClock()
    {
        var start = new DateTimeOffset(2026, 3, 16, 14, 0, 0, TimeSpan.Zero);
        var command = Valid with { StartsAt = start };

        Assert.Multiple(() =>
        {
            Assert.That(InvalidFields(new CreateBookingRequestValidator(new FakeTimeProvider(start.AddMinutes(-1))), command), Is.Empty);
            Assert.That(InvalidFields(new CreateBookingRequestValidator(new FakeTimeProvider(start.AddMinutes(1))), command), Is.EqualTo(new[] { "starts_at" }));
        });
    }

    private static CreateBookingRequestValidator Validator() => new(new FakeTimeProvider(Now));

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string ObjectOfBytes(int bytes) => $$"""{"pad":"{{new string('x', bytes - 10)}}"}""";
}
