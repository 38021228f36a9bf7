using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;

namespace Slotflow.Domain.Tests.Common;

/// <summary>The one rule for names a person reads: attendee_name, a human's name and role, an override's title.</summary>
public sealed class ReadableTextTests
{
    private static IEnumerable<TestCaseData> Refused()
    {
        yield return Case("empty", "");
        yield return Case("blank", "   ");
        yield return Case("tab and newline only", "\t\n");
        yield return Case("NUL inside", "Ada\u0000Lovelace");
        yield return Case("ESC (an ANSI colour)", "\u001b[31mAda");
        yield return Case("DEL", "Ada\u007f");
        yield return Case("C1 control (NEL)", "Ada\u0085");
        yield return Case("C1 control (CSI)", "Ada\u009b");
        yield return Case("line feed inside", "Ada\nLovelace");
        yield return Case("right-to-left override", "Ada\u202Egpj.exe");
        yield return Case("left-to-right embedding", "\u202AAda");
        yield return Case("pop directional formatting", "Ada\u202C");
        yield return Case("right-to-left isolate", "Ada\u2067x");
        yield return Case("first strong isolate", "\u2068Ada");
        yield return Case("pop directional isolate", "Ada\u2069");
        yield return Case("zero-width space only", "\u200B");
        yield return Case("zero-width joiner and non-joiner only", "\u200D\u200C");
        yield return Case("byte order mark only", "\uFEFF");
        yield return Case("word joiner and soft hyphen only", "\u2060\u00AD");
        yield return Case("no-break and ideographic spaces only", "\u00A0\u3000");
        yield return Case("combining accent only", "\u0301");
        yield return Case("Hangul filler only", "\u3164");
        yield return Case("blank Braille pattern only", "\u2800");
        yield return Case("lone high surrogate", "Ada\uD800");
        yield return Case("lone low surrogate", "\uDC00Ada");
        yield return Case("201 characters", new string('a', 201));

        static TestCaseData Case(string name, string text) => new TestCaseData(text).SetArgDisplayNames(name);
    }

    private static IEnumerable<TestCaseData> Accepted()
    {
        yield return Case("plain", "Ada Lovelace");
        yield return Case("one character", "A");
        yield return Case("200 characters", new string('a', 200));
        yield return Case("accents, composed and combining", "Zoë Zoe\u0308");
        yield return Case("Arabic (right-to-left script without controls)", "أدا لوفليس");
        yield return Case("Hebrew with a left-to-right mark", "עדה\u200E (CEO)");
        yield return Case("emoji with a zero-width joiner", "Ada 👩\u200D💻");
        yield return Case("supplementary-plane letters", "𝔄𝔡𝔞");
        yield return Case("Japanese", "エイダ・ラブレス");
        yield return Case("punctuation only", "?");

        static TestCaseData Case(string name, string text) => new TestCaseData(text).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(Refused))]
    public void IsValid_RefusesUnreadableText(string text) =>
        Assert.That(ReadableText.IsValid(text, 200), Is.False);

    [TestCaseSource(nameof(Accepted))]
    public void IsValid_AcceptsReadableText(string text) =>
        Assert.That(ReadableText.IsValid(text, 200), Is.True);

    [TestCaseSource(nameof(Refused))]
    public void EveryReadableField_RefusesTheSameText(string text)
    {
        var now = DateTimeOffset.UtcNow;
        Assert.Multiple(() =>
        {
            Assert.That(Human.IsValidName(text), Is.False, "human name");
            Assert.That(Booking.IsValidAttendeeName(text), Is.False, "attendee_name");
            if (text.Length > 0) // "" is how an optional role or title says "none"
            {
                Assert.That(Human.IsValidRole(text), Is.False, "human role");
                Assert.That(ScheduleOverride.IsValidTitle(text), Is.False, "override title");
            }
            Assert.That(() => Human.Create(Guid.NewGuid(), text, "UTC", null, null, now), Throws.TypeOf<DomainException>());
        });
    }

    [Test]
    public void Message_IsOneSentenceNamingTheFieldAndTheLimit() =>
        Assert.That(ReadableText.Message("attendee_name", 200), Does.StartWith("attendee_name must be 1 to 200 characters of readable text"));

    [Test]
    public void OptionalFields_AcceptNullAndEmptyAsNone() =>
        Assert.That(Human.IsValidRole(null) && ScheduleOverride.IsValidTitle(null) && Human.IsValidRole("") && ScheduleOverride.IsValidTitle(""), Is.True);
}
