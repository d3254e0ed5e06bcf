using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace LegalAidReferral.Core.Conflicts;

/// <summary>
/// Folds a person's name into comparable tokens: accents and case removed, punctuation and hyphens
/// split words, particles (de, da, dos, del, ...) dropped so "María de los Ángeles" and "Maria Angeles"
/// agree, and every other word of a compound surname kept as its own token.
/// </summary>
public static class NameText
{
    /// <summary>Connecting words of Spanish, Portuguese, French, Italian, Dutch and German names.</summary>
    public static readonly FrozenSet<string> Particles = FrozenSet.ToFrozenSet(
        ["de", "del", "la", "las", "los", "da", "das", "do", "dos", "di", "du", "des", "le", "les", "van", "von", "der", "y", "e", "d"],
        StringComparer.Ordinal);

    /// <summary>Lowercase letters and single spaces only, e.g. "Pérez-García, José" -> "perez garcia jose".</summary>
    public static string Fold(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            var replacement = lower switch
            {
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                'ø' => "o",
                'ł' => "l",
                'đ' => "d",
                'ı' => "i",
                _ => null,
            };
            if (replacement is not null)
            {
                folded.Append(replacement);
            }
            else if (char.IsLetter(lower))
            {
                folded.Append(lower);
            }
            else if (folded.Length > 0 && folded[^1] != ' ')
            {
                folded.Append(' ');
            }
        }

        return folded.ToString().TrimEnd();
    }

    public static IReadOnlyList<NameToken> Tokenize(string name)
    {
        var words = Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // A name made only of particles ("Do", "Le" are also family names) keeps them.
        if (words.All(Particles.Contains))
        {
            return words.Select(w => new NameToken(w, PhoneticKey.Of(w), null)).ToArray();
        }

        var tokens = new List<NameToken>(words.Length);
        var pending = new StringBuilder();
        foreach (var word in words)
        {
            if (Particles.Contains(word))
            {
                pending.Append(word);
                continue;
            }

            tokens.Add(new NameToken(word, PhoneticKey.Of(word), pending.Length > 0 ? pending.Append(word).ToString() : null));
            pending.Clear();
        }

        return tokens;
    }
}
