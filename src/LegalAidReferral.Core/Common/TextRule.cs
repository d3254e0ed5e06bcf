using System.Text;

namespace LegalAidReferral.Core.Common;

/// <summary>
/// The one rule every text field of the API goes through. Rejected: unpaired surrogates, Unicode
/// noncharacters, control characters (C0, DEL, C1), line and paragraph separators, and the bidi
/// embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069), which can make text
/// display differently from what it holds. Multi-line fields also allow line breaks: <c>\n</c>,
/// and <c>\r\n</c> stored as <c>\n</c>. Accepted text is normalised to NFC and trimmed, then its
/// length in code points is checked.
/// </summary>
public static class TextRule
{
    /// <summary>The cleaned text (empty when the value is blank), or why it is rejected.</summary>
    public static (string? Text, string? Problem) Apply(string value, int maxLength, bool multiline)
    {
        ArgumentNullException.ThrowIfNull(value);
        var carriageReturns = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, value[++i]);
                if ((codePoint & 0xFFFE) == 0xFFFE)
                {
                    return (null, $"Unicode noncharacters are not allowed (U+{codePoint:X} found).");
                }

                continue;
            }

            if (c == '\r' && multiline && i + 1 < value.Length && value[i + 1] == '\n')
            {
                carriageReturns = true;
                i++;
                continue;
            }

            if (Problem(c, multiline) is { } problem)
            {
                return (null, problem);
            }
        }

        var text = carriageReturns ? value.Replace("\r\n", "\n", StringComparison.Ordinal) : value;

        // Safe now: Normalize throws only on the unpaired surrogates and noncharacters rejected above.
        text = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        text = text.Trim();
        return CodePoints(text) > maxLength ? (null, $"At most {maxLength} characters are allowed.") : (text, null);
    }

    private static string? Problem(char c, bool multiline) => c switch
    {
        '\n' when multiline => null,
        '\n' => "Line breaks are not allowed in this field.",
        _ when char.IsSurrogate(c) => "The text has an unpaired surrogate, so it is not valid Unicode.",
        < ' ' or (>= '\u007f' and <= '\u009f') or '\u2028' or '\u2029' =>
            $"Control characters are not allowed (U+{(int)c:X4} found).{(multiline ? " Line breaks are \\n or \\r\\n." : string.Empty)}",
        (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') =>
            $"Bidirectional embedding, override and isolate characters are not allowed (U+{(int)c:X4} found).",
        (>= '\ufdd0' and <= '\ufdef') or '\ufffe' or '\uffff' => $"Unicode noncharacters are not allowed (U+{(int)c:X4} found).",
        _ => null,
    };

    private static int CodePoints(string text)
    {
        var count = text.Length;
        foreach (var c in text)
        {
            if (char.IsLowSurrogate(c))
            {
                count--;
            }
        }

        return count;
    }
}
