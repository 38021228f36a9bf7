using System.Globalization;
using System.Text;

namespace Slotflow.Domain.Common;

/// <summary>
/// The one rule for names a person will read (attendee_name, a human's name and role, an override's title): valid
/// Unicode, at most a length, no control characters (C0, C1: NUL, ESC, DEL, …), no bidirectional overrides or
/// isolates (they can make a name display as something else), and not blank or made only of invisible characters.
/// </summary>
public static class ReadableText
{
    public static bool IsValid(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text) || text.Length > maxLength || !UnicodeText.IsWellFormed(text))
        {
            return false;
        }

        var visible = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || IsBidiControl(rune.Value))
            {
                return false;
            }

            visible |= IsVisible(rune);
        }

        return visible;
    }

    public static string Message(string field, int maxLength) =>
        $"{field} must be 1 to {maxLength} characters of readable text: not blank, not only invisible characters, "
        + "and without control or bidirectional-override characters.";

    // U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates.
    private static bool IsBidiControl(int value) => value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    private static bool IsVisible(Rune rune)
    {
        // Letters that render as nothing: the Hangul fillers and the blank Braille pattern.
        if (rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800)
        {
            return false;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => false,
            _ => true,
        };
    }
}
