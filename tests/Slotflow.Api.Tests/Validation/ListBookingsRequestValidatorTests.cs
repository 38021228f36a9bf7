using Slotflow.Api.Contracts;
using Slotflow.Api.Validation;
using Slotflow.Api.Wire;
using static Slotflow.Api.Tests.Validation.ValidationAssert;

namespace Slotflow.Api.Tests.Validation;

public sealed class ListBookingsRequestValidatorTests
{
    private static readonly ListBookingsRequest NoFilters = new();

    private static IEnumerable<TestCaseData> ValidQueries()
    {
        yield return Case(NoFilters, "NoParameterIsGiven");
        yield return Case(NoFilters with { HumanId = "6f9619ff-8b86-4d11-b42d-00c04fc964ff" }, "HumanIdIsAUuid");
        yield return Case(NoFilters with { HumanId = "6F9619FF-8B86-4D11-B42D-00C04FC964FF" }, "HumanIdIsAnUppercaseUuid");
        yield return Case(NoFilters with { Status = "confirmed" }, "StatusIsConfirmed");
        yield return Case(NoFilters with { Status = "cancelled" }, "StatusIsCancelled");
        yield return Case(NoFilters with { DateFrom = "2026-03-16", DateTo = "2026-03-16" }, "DatesAreUtcDates");
        yield return Case(NoFilters with { DateFrom = "1970-01-01", DateTo = "2999-12-31" }, "DatesAreAtTheAcceptedYearBounds");
        yield return Case(NoFilters with { DateFrom = "2026-03-16T09:00:00Z", DateTo = "2026-03-16T17:00:00.000Z" }, "DatesAreInstantsInUtc");
        yield return Case(NoFilters with { DateFrom = "2026-03-16T09:00:00-04:00", DateTo = "2026-03-16T23:00:00+05:45" }, "DatesAreInstantsWithOffsets");
        yield return Case(NoFilters with { DateFrom = "2026-03-16", DateTo = "2026-03-16" }, "DateToIsTheSameDayAsDateFrom");
        yield return Case(NoFilters with { DateFrom = "2026-03-16T09:00:00Z", DateTo = "2026-03-16T09:00:00Z" }, "DateToIsTheSameInstantAsDateFrom");
        yield return Case(NoFilters with { DateFrom = "2026-03-16T09:00Z" }, "DateFromIsAnInstantWithoutSeconds");
        yield return Case(NoFilters with { Limit = "1", Offset = "0" }, "LimitIs1AndOffsetIs0");
        yield return Case(NoFilters with { Limit = "100", Offset = "1000000" }, "LimitIs100AndOffsetIsLarge");

        static TestCaseData Case(ListBookingsRequest query, string when) =>
            new TestCaseData(query).SetName($"Validate_When{when}_HasNoErrors");
    }

    private static IEnumerable<TestCaseData> InvalidQueries()
    {
        yield return Case(NoFilters with { HumanId = "x" }, "human_id", "HumanIdIsNotAUuid");
        yield return Case(NoFilters with { HumanId = "12345" }, "human_id", "HumanIdIsANumber");
        yield return Case(NoFilters with { HumanId = "{6f9619ff-8b86-4d11-b42d-00c04fc964ff}" }, "human_id", "HumanIdHasBraces");
        yield return Case(NoFilters with { Status = "pending" }, "status", "StatusIsUnknown");
        yield return Case(NoFilters with { Status = "Confirmed" }, "status", "StatusIsCapitalised");
        yield return Case(NoFilters with { Status = "" }, "status", "StatusIsEmpty");
        yield return Case(NoFilters with { DateFrom = "2026-13-01" }, "date_from", "DateFromHasMonth13");
        yield return Case(NoFilters with { DateFrom = "2026-02-30" }, "date_from", "DateFromIsFebruary30");
        yield return Case(NoFilters with { DateFrom = "2026-3-16" }, "date_from", "DateFromIsUnpadded");
        yield return Case(NoFilters with { DateFrom = "1969-12-31" }, "date_from", "DateFromIsBefore1970");
        yield return Case(NoFilters with { DateFrom = "yesterday" }, "date_from", "DateFromIsAWord");
        yield return Case(NoFilters with { DateTo = "2026-03-16T10:00:00" }, "date_to", "DateToIsALocalTimeWithoutOffset");
        yield return Case(NoFilters with { DateTo = "16/03/2026" }, "date_to", "DateToIsInAnotherFormat");
        yield return Case(NoFilters with { DateTo = "3000-01-01" }, "date_to", "DateToIsAfter2999");
        yield return Case(NoFilters with { DateFrom = "2026-03-17", DateTo = "2026-03-16" }, "date_to", "DateToIsTheDayBeforeDateFrom");
        yield return Case(NoFilters with { DateFrom = "2026-03-16T13:00:00Z", DateTo = "2026-03-16T17:00:00+05:45" }, "date_to", "DateToIsAnInstantBeforeDateFrom");
        yield return Case(NoFilters with { Limit = "0" }, "limit", "LimitIs0");
        yield return Case(NoFilters with { Limit = "101" }, "limit", "LimitIs101");
        yield return Case(NoFilters with { Limit = "-1" }, "limit", "LimitIsNegative");
        yield return Case(NoFilters with { Limit = "abc" }, "limit", "LimitIsAWord");
        yield return Case(NoFilters with { Limit = "1.5" }, "limit", "LimitIsFractional");
        yield return Case(NoFilters with { Limit = "+5" }, "limit", "LimitHasASign");
        yield return Case(NoFilters with { Limit = " 5" }, "limit", "LimitHasASpace");
        yield return Case(NoFilters with { Limit = "99999999999" }, "limit", "LimitOverflowsAnInt");
        yield return Case(NoFilters with { Offset = "-1" }, "offset", "OffsetIsNegative");
        yield return Case(NoFilters with { Offset = "abc" }, "offset", "OffsetIsAWord");
        yield return Case(NoFilters with { Offset = "99999999999" }, "offset", "OffsetOverflowsAnInt");

        static TestCaseData Case(ListBookingsRequest query, string field, string when) =>
            new TestCaseData(query, field).SetName($"Validate_When{when}_RefusesOnly{field}");
    }

    [TestCaseSource(nameof(ValidQueries))]
    public void Validate_WhenQueryIsValid_HasNoErrors(ListBookingsRequest query) =>
        Assert.That(InvalidFields(new ListBookingsRequestValidator(), query), Is.Empty);

    [TestCaseSource(nameof(InvalidQueries))]
    public void Validate_WhenOneParameterIsInvalid_NamesThatParameter(ListBookingsRequest query, string field) =>
        Assert.That(InvalidFields(new ListBookingsRequestValidator(), query), Is.EqualTo(new[] { field }));

    [Test]
    public void Validate_WhenEveryParameterIsInvalid_NamesEachOne() =>
        Assert.That(
            InvalidFields(new ListBookingsRequestValidator(), new ListBookingsRequest { HumanId = "x", Status = "x", DateFrom = "x", DateTo = "x", Limit = "x", Offset = "x" }),
            Is.EquivalentTo(new[] { "human_id", "status", "date_from", "date_to", "limit", "offset" }));

    /// <summary>A well-formed instant at the end of the calendar must be judged, not crash the validator (a 500 on the wire).</summary>
    [TestCase("9999-12-31T23:59:59.9999999Z")]
    [TestCase("9999-12-31T23:59:59.9999999+00:00")]
    public void Validate_WhenDateToIsTheLargestInstant_DoesNotThrow(string dateTo)
    {
        var query = NoFilters with { DateTo = dateTo };

        Assert.That(() => new ListBookingsRequestValidator().Validate(query), Throws.Nothing);
    }

    [Test]
    public void Bounds_OfADateTo_EndAtTheStartOfTheNextUtcDay()
    {
        Assert.That(BookingBounds.TryParse("2026-03-17", endOfDay: true, out var end), Is.True);
        Assert.That(end, Is.EqualTo(new DateTimeOffset(2026, 3, 18, 0, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void Bounds_OfADateFrom_StartAtMidnightUtc()
    {
        Assert.That(BookingBounds.TryParse("2026-03-17", endOfDay: false, out var start), Is.True);
        Assert.That(start, Is.EqualTo(new DateTimeOffset(2026, 3, 17, 0, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void Bounds_OfAnInstantDateTo_IncludeThatInstant()
    {
        Assert.That(BookingBounds.TryParse("2026-03-17T16:30:00-04:00", endOfDay: true, out var end), Is.True);
        Assert.That(end, Is.GreaterThan(new DateTimeOffset(2026, 3, 17, 20, 30, 0, TimeSpan.Zero)));
        Assert.That(end, Is.LessThanOrEqualTo(new DateTimeOffset(2026, 3, 17, 20, 30, 0, TimeSpan.Zero).AddMilliseconds(1)));
    }
}
