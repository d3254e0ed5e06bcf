using System.Globalization;
using System.Text;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// Folds text for substring search: lowercase, accents removed, runs of white space collapsed, so
/// "jose  perez" finds "José Pérez".
/// </summary>
public static class SearchText
{
    /// <summary>Separates the searched fields so a match never spans two of them.</summary>
    public const char FieldSeparator = '\u001f';

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = folded.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                folded.Append(' ');
                pendingSpace = false;
            }

            folded.Append(char.ToLowerInvariant(c));
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    public static string Join(IEnumerable<string> fields) =>
        string.Join(FieldSeparator, fields.Select(Normalize).Where(f => f.Length > 0));
}
