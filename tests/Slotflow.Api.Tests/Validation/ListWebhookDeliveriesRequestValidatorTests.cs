using Slotflow.Api.Contracts;
using Slotflow.Api.Validation;
using static Slotflow.Api.Tests.Validation.ValidationAssert;

namespace Slotflow.Api.Tests.Validation;

public sealed class ListDeliveriesRequestValidatorTests
{
    private static readonly ListDeliveriesRequest NoParameters = new();

    private static IEnumerable<TestCaseData> ValidQueries()
    {
        yield return Case(NoParameters, "NoParameterIsGiven");
        yield return Case(NoParameters with { Status = "pending" }, "StatusIsPending");
        yield return Case(NoParameters with { Status = "delivered" }, "StatusIsDelivered");
        yield return Case(NoParameters with { Status = "failed" }, "StatusIsFailed");
        yield return Case(NoParameters with { Limit = "1", Offset = "0" }, "LimitIs1AndOffsetIs0");
        yield return Case(NoParameters with { Limit = "100", Offset = "1000000" }, "LimitIs100AndOffsetIsLarge");
        yield return Case(NoParameters with { Status = "failed", Limit = "50", Offset = "50" }, "EveryParameterIsValid");

        static TestCaseData Case(ListDeliveriesRequest query, string when) =>
            new TestCaseData(query).SetName($"Validate_When{when}_HasNoErrors");
    }

    private static IEnumerable<TestCaseData> InvalidQueries()
    {
        yield return Case(NoParameters with { Status = "confirmed" }, "status", "StatusIsABookingStatus");
        yield return Case(NoParameters with { Status = "Pending" }, "status", "StatusIsCapitalised");
        yield return Case(NoParameters with { Status = "" }, "status", "StatusIsEmpty");
        yield return Case(NoParameters with { Status = "all" }, "status", "StatusIsUnknown");
        yield return Case(NoParameters with { Limit = "0" }, "limit", "LimitIs0");
        yield return Case(NoParameters with { Limit = "101" }, "limit", "LimitIs101");
        yield return Case(NoParameters with { Limit = "-1" }, "limit", "LimitIsNegative");
        yield return Case(NoParameters with { Limit = "abc" }, "limit", "LimitIsAWord");
        yield return Case(NoParameters with { Limit = "1.5" }, "limit", "LimitIsFractional");
        yield return Case(NoParameters with { Limit = "+5" }, "limit", "LimitHasASign");
        yield return Case(NoParameters with { Limit = " 5" }, "limit", "LimitHasASpace");
        yield return Case(NoParameters with { Limit = "" }, "limit", "LimitIsEmpty");
        yield return Case(NoParameters with { Limit = "99999999999" }, "limit", "LimitOverflowsAnInt");
        yield return Case(NoParameters with { Offset = "-1" }, "offset", "OffsetIsNegative");
        yield return Case(NoParameters with { Offset = "abc" }, "offset", "OffsetIsAWord");
        yield return Case(NoParameters with { Offset = "1.5" }, "offset", "OffsetIsFractional");
        yield return Case(NoParameters with { Offset = "" }, "offset", "OffsetIsEmpty");
        yield return Case(NoParameters with { Offset = "99999999999" }, "offset", "OffsetOverflowsAnInt");

        static TestCaseData Case(ListDeliveriesRequest query, string field, string when) =>
            new TestCaseData(query, field).SetName($"Validate_When{when}_RefusesOnly{field}");
    }

    [TestCaseSource(nameof(ValidQueries))]
    public void Validate_WhenQueryIsValid_HasNoErrors(ListDeliveriesRequest query) =>
        Assert.That(InvalidFields(new ListDeliveriesRequestValidator(), query), Is.Empty);

    [TestCaseSource(nameof(InvalidQueries))]
    public void Validate_WhenOneParameterIsInvalid_NamesThatParameter(ListDeliveriesRequest query, string field) =>
        Assert.That(InvalidFields(new ListDeliveriesRequestValidator(), query), Is.EqualTo(new[] { field }));

    [Test]
    public void Validate_WhenEveryParameterIsInvalid_NamesEachOne() =>
        Assert.That(
            InvalidFields(new ListDeliveriesRequestValidator(), NoParameters with { Status = "x", Limit = "x", Offset = "x" }),
            Is.EquivalentTo(new[] { "status", "limit", "offset" }));
}
