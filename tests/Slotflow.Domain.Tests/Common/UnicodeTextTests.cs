using Slotflow.Domain.Common;

namespace Slotflow.Domain.Tests.Common;

/// <summary>Cases come from code, not attributes: attribute arguments cannot hold an unpaired surrogate.</summary>
public sealed class UnicodeTextTests
{
    private static IEnumerable<TestCaseData> WellFormedCases()
    {
        yield return new TestCaseData("", true).SetArgDisplayNames("empty");
        yield return new TestCaseData("plain ascii", true).SetArgDisplayNames("ascii");
        yield return new TestCaseData("emoji \uD83D\uDE00 pair", true).SetArgDisplayNames("a surrogate pair");
        yield return new TestCaseData("\uD800", false).SetArgDisplayNames("lone high surrogate");
        yield return new TestCaseData("a\uDC00b", false).SetArgDisplayNames("lone low surrogate");
        yield return new TestCaseData("\uDE00\uD83D", false).SetArgDisplayNames("a pair in the wrong order");
        yield return new TestCaseData("ok \uD83D\uDE00 then \uD83D", false).SetArgDisplayNames("a pair, then a lone high surrogate");
    }

    private static IEnumerable<TestCaseData> RepairCases()
    {
        yield return new TestCaseData("a\uD800b", "a\uFFFDb").SetArgDisplayNames("lone high surrogate");
        yield return new TestCaseData("\uDC00", "\uFFFD").SetArgDisplayNames("lone low surrogate");
        yield return new TestCaseData("\uD83D\uDE00\uD83D", "\uD83D\uDE00\uFFFD").SetArgDisplayNames("pair kept, lone one replaced");
        yield return new TestCaseData("fine \uD83D\uDE00", "fine \uD83D\uDE00").SetArgDisplayNames("valid text kept");
    }

    [TestCaseSource(nameof(WellFormedCases))]
    public void IsWellFormed_TellsPairedFromUnpairedSurrogates(string text, bool expected) =>
        Assert.That(UnicodeText.IsWellFormed(text), Is.EqualTo(expected));

    [TestCaseSource(nameof(RepairCases))]
    public void Repair_ReplacesEachUnpairedSurrogateWithTheReplacementCharacter(string text, string expected) =>
        Assert.That(UnicodeText.Repair(text), Is.EqualTo(expected));
}
