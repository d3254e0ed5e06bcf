using System.Globalization;
using System.Text;

namespace LegalAidReferral.Core.Chat.Languages;

/// <summary>How the engine compares what a person typed with the words it knows.</summary>
public static class ChatText
{
    /// <summary>Lower case, accents removed, punctuation at either end dropped, inner spaces collapsed.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = folded.Length > 0;
                continue;
            }

            if (space)
            {
                folded.Append(' ');
                space = false;
            }

            folded.Append(char.ToLowerInvariant(c));
        }

        return folded.ToString().Trim('.', ',', '!', '?', '¡', '¿', ';', ':', '"', '\'', '(', ')', ' ');
    }

    /// <summary>The words of a normalized text (letters and digits only).</summary>
    public static IEnumerable<string> Words(string normalized) =>
        normalized.Split((char[])[' ', ',', '.', ';', ':', '!', '?', '¡', '¿', '"', '\'', '(', ')', '/', '-'], StringSplitOptions.RemoveEmptyEntries);
}
