using System.Text.RegularExpressions;
using Slotflow.Domain.Common;

namespace Slotflow.Application.Common;

/// <summary>
/// Stored JSON text as it can always be answered: unpaired surrogates, raw or escaped (\ud800), become U+FFFD. New
/// text never holds one (the API refuses it), but a row written before that rule, or by hand, must not fail a read.
/// </summary>
public static partial class ReadableJsonText
{
    public static string Repair(string json)
    {
        var text = UnicodeText.Repair(json);
        return text.Contains("\\u", StringComparison.Ordinal) ? UnpairedEscape().Replace(text, "\\uFFFD") : text;
    }

    // After an even run of backslashes (so the \u really is an escape): a high surrogate not followed by a low one,
    // or a low surrogate not preceded by a high one.
    [GeneratedRegex(@"(?<=(?<!\\)(?:\\\\)*)(?:\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2})")]
    private static partial Regex UnpairedEscape();
}
