namespace LegalAidReferral.Core.Conflicts;

/// <summary>
/// The keys under which an indexed word is found by a query word that is not spelled the same: its
/// sound-alike key, and its deletion neighbourhood for typos.
/// </summary>
public static class PartyVocabulary
{
    public static string Phonetic(string word) => PhoneticKey.Of(word);

    /// <summary>
    /// The word and every form of it with up to as many letters left out as typos are allowed: two
    /// words within that many edits share at least one form (symmetric deletion).
    /// </summary>
    public static IReadOnlySet<string> Deletions(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var forms = new HashSet<string>(StringComparer.Ordinal) { word };
        var edges = new List<string> { word };
        for (var depth = PartyMatcher.AllowedTypos(word.Length); depth > 0; depth--)
        {
            var next = new List<string>();
            foreach (var form in edges)
            {
                for (var i = 0; i < form.Length; i++)
                {
                    var shorter = form.Remove(i, 1);
                    if (forms.Add(shorter))
                    {
                        next.Add(shorter);
                    }
                }
            }

            edges = next;
        }

        return forms;
    }

    /// <summary>
    /// Whether a word sharing a deletion form with a query word is within the typos the matcher
    /// allows: a shared form alone also pairs words that differ by more edits than that.
    /// </summary>
    public static bool IsTypoOf(string queryWord, string word)
    {
        ArgumentNullException.ThrowIfNull(queryWord);
        ArgumentNullException.ThrowIfNull(word);
        var allowed = PartyMatcher.AllowedTypos(Math.Min(word.Length, queryWord.Length));
        return allowed > 0 && EditDistance.Bounded(queryWord, word, allowed) is not null;
    }
}
