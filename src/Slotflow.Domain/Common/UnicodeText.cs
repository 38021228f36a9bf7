using System.Buffers;
using System.Text;

namespace Slotflow.Domain.Common;

/// <summary>
/// Whether a string is valid Unicode: UTF-16 without an unpaired surrogate. Such text cannot be written as UTF-8,
/// so it would fail every JSON answer and webhook that carries it.
/// </summary>
public static class UnicodeText
{
    public static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        var index = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (index < 0)
        {
            return true;
        }

        var rest = text[index..];
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var consumed) != OperationStatus.Done)
            {
                return false;
            }

            rest = rest[consumed..];
        }

        return true;
    }

    /// <summary>The text with each unpaired surrogate replaced by U+FFFD: how stored text that is not valid is shown.</summary>
    public static string Repair(string text)
    {
        if (IsWellFormed(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            Rune.DecodeFromUtf16(rest, out var rune, out var consumed); // an invalid sequence decodes as U+FFFD
            builder.Append(rune.ToString());
            rest = rest[consumed..];
        }

        return builder.ToString();
    }
}
