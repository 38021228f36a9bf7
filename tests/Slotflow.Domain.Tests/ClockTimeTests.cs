using Slotflow.Domain.Humans;

namespace Slotflow.Domain.Tests;

public sealed class ClockTimeTests
{
    [TestCase("00:00", false, 0)]
    [TestCase("09:30", false, 570)]
    [TestCase("23:59", false, 1439)]
    [TestCase("24:00", true, 1440)]
    public void TryParse_AcceptsStrictHourMinute(string text, bool allowEndOfDay, int minutes)
    {
        Assert.That(ClockTime.TryParse(text, allowEndOfDay, out var time), Is.True);
        Assert.That(time.Minutes, Is.EqualTo(minutes));
        Assert.That(time.ToString(), Is.EqualTo(text));
    }

    [TestCase("24:00", false)]
    [TestCase("25:00", true)]
    [TestCase("9:00", true)]
    [TestCase("09:60", true)]
    [TestCase("0900", true)]
    [TestCase("09:00:00", true)]
    [TestCase("", true)]
    [TestCase(null, true)]
    [TestCase("ab:cd", true)]
    [TestCase("24:01", true)]
    public void TryParse_RefusesAnythingElse(string? text, bool allowEndOfDay) =>
        Assert.That(ClockTime.TryParse(text, allowEndOfDay, out _), Is.False);
}
