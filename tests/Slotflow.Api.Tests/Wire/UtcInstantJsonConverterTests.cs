using System.Text.Json;
using Slotflow.Api.Wire;

namespace Slotflow.Api.Tests.Wire;

/// <summary>Instants on the wire (spec §1): UTC with milliseconds out; Z or an explicit offset in.</summary>
public sealed class UtcInstantJsonConverterTests
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    [TestCase("2026-03-16T13:00:00Z", "2026-03-16T13:00:00.000Z")]
    [TestCase("2026-03-16T13:00:00.123Z", "2026-03-16T13:00:00.123Z")]
    [TestCase("2026-03-16T09:00:00-04:00", "2026-03-16T13:00:00.000Z")]
    [TestCase("2026-03-16T18:45:00+05:45", "2026-03-16T13:00:00.000Z")]
    [TestCase("2026-03-16T13:00:00+00:00", "2026-03-16T13:00:00.000Z")]
    public void Read_InstantWithZoneDesignator_IsNormalisedToUtc(string input, string expectedOutput)
    {
        var instant = JsonSerializer.Deserialize<DateTimeOffset>($"\"{input}\"", Options);

        Assert.That(instant.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(JsonSerializer.Serialize(instant, Options), Is.EqualTo($"\"{expectedOutput}\""));
    }

    [TestCase("\"2026-03-16T13:00:00\"")]
    [TestCase("\"2026-03-16\"")]
    [TestCase("\"13:00Z\"")]
    [TestCase("\"yesterday\"")]
    [TestCase("\"\"")]
    [TestCase("1773666000")]
    [TestCase("null")]
    [TestCase("\"2026-03-16t13:00:00Z\"")]
    [TestCase("\"Mon, 16 Mar 2026 13:00:00 +00:00\"")]
    [TestCase("\"2026-03-16 13:00:00Z\"")]
    [TestCase("\"2026-03-16T13:00:00Z\\n\"")]
    public void Read_LocalTimeOrNonInstant_IsRefused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>(json, Options));

    [Test]
    public void Write_AlwaysUtcWithMilliseconds()
    {
        var instant = new DateTimeOffset(2026, 11, 1, 1, 30, 0, 500, TimeSpan.FromHours(-4));

        Assert.That(JsonSerializer.Serialize(instant, Options), Is.EqualTo("\"2026-11-01T05:30:00.500Z\""));
    }

    [TestCase("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z")]
    [TestCase("9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z")]
    [TestCase("2026-02-03T04:05:06.007Z", "2026-02-03T04:05:06.007Z")]
    [TestCase("2026-10-10T10:10:10.010+10:00", "2026-10-10T00:10:10.010Z")]
    public void Write_EveryFieldZeroPadded(string instant, string expected) =>
        Assert.That(JsonSerializer.Serialize(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), Options), Is.EqualTo($"\"{expected}\""));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        SlotflowJson.Apply(options);
        return options;
    }
}
