using System.Text.Json;
using Slotflow.Application.Common;

namespace Slotflow.Application.Tests.Common;

/// <summary>Stored metadata text whose strings are not valid Unicode is shown with U+FFFD instead of failing the answer.</summary>
public sealed class ReadableJsonTextTests
{
    [TestCase("""{"a":"\ud800"}""", """{"a":"\uFFFD"}""")]
    [TestCase("""{"a":"x\uDC00y"}""", """{"a":"x\uFFFDy"}""")]
    [TestCase("""{"\ud800":1}""", """{"\uFFFD":1}""")]
    [TestCase("""{"a":["\udbff", {"b":"\ud800\ud800\udc00"}]}""", """{"a":["\uFFFD", {"b":"\uFFFD\ud800\udc00"}]}""")]
    public void Repair_ReplacesEscapedUnpairedSurrogates(string stored, string shown)
    {
        var repaired = ReadableJsonText.Repair(stored);

        Assert.That(repaired, Is.EqualTo(shown));
        Assert.That(() => JsonSerializer.Serialize(JsonDocument.Parse(repaired).RootElement), Throws.Nothing);
    }

    [TestCase("""{"a":"\ud83d\ude00"}""")]
    [TestCase("""{"path":"C:\\ud800"}""")]
    [TestCase("""{"a":"plain"}""")]
    public void Repair_KeepsValidText(string stored) => Assert.That(ReadableJsonText.Repair(stored), Is.EqualTo(stored));

    [Test]
    public void Repair_ReplacesRawUnpairedSurrogates() =>
        Assert.That(ReadableJsonText.Repair("{\"a\":\"\uD800\"}"), Is.EqualTo("{\"a\":\"\uFFFD\"}"));
}
