using Slotflow.Domain.Humans;

namespace Slotflow.Domain.Tests.Humans;

public sealed class IanaTimeZoneTests
{
    [TestCase("America/New_York")]
    [TestCase("Europe/London")]
    [TestCase("Australia/Lord_Howe")]
    [TestCase("Asia/Kathmandu")]
    [TestCase("UTC")]
    public void IsValid_WhenIdIsInTheTzDatabase_ReturnsTrue(string id) =>
        Assert.That(IanaTimeZone.IsValid(id), Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ")]
    [TestCase("America/San_Francisco")]
    [TestCase("Pacific Standard Time")]
    [TestCase("UTC-11")]
    [TestCase("../etc/passwd")]
    [TestCase("/etc/passwd")]
    [TestCase("Mars/Olympus")]
    [TestCase("America")]
    [TestCase(" America/New_York")]
    [TestCase("America/New_York ")]
    public void IsValid_WhenIdIsNotAnIanaZone_ReturnsFalse(string? id) =>
        Assert.That(IanaTimeZone.IsValid(id), Is.False);

    [Test]
    public void IsValid_WhenIdIsLongerThan64Characters_ReturnsFalse() =>
        Assert.That(IanaTimeZone.IsValid("America/" + new string('A', 57)), Is.False);
}
