namespace LegalAidReferral.Core.Conflicts;

/// <summary>
/// The keys under which an indexed word is found by a query word that is not spelled the same: its
/// sound-alike key, and its deletion neighbourhood for typos. The neighbourhood grows with the square
/// of a word's length, so both the word length and the forms per case or query party are bounded.
/// </summary>
public static class PartyVocabulary
{
    /// <summary>
    /// Longer words are no real name part (the longest in use have about 15 letters), so they get no
    /// typo forms: they are found only as they are written or by their sound-alike key.
    /// </summary>
    public const int MaxTypoWordLength = 24;

    /// <summary>
    /// The typo forms one case adds to the index, and one query party looks up, at most. A real case
    /// with several aliases and adverse parties, all new to the office, needs about half of it.
    /// </summary>
    public const int MaxTypoFormsPerCase = 2048;

    public static string Phonetic(string word) => PhoneticKey.Of(word);

    /// <summary>
    /// The word and every form of it with up to as many letters left out as typos are allowed: two
    /// words within that many edits share at least one form (symmetric deletion). A word longer than
    /// <see cref="MaxTypoWordLength"/> has only itself.
    /// </summary>
    public static IReadOnlySet<string> Deletions(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var forms = new HashSet<string>(StringComparer.Ordinal) { word };
        var edges = new List<string> { word };
        var depth = word.Length > MaxTypoWordLength ? 0 : PartyMatcher.AllowedTypos(word.Length);
        for (; depth > 0; depth--)
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
    /// The words, in order, with their deletion forms, until <see cref="MaxTypoFormsPerCase"/> forms are
    /// used: the word that would exceed it and every word after it are left out (found only as written).
    /// </summary>
    public static IEnumerable<(string Word, IReadOnlySet<string> Forms)> WithinTypoBudget(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var left = MaxTypoFormsPerCase;
        foreach (var word in words)
        {
            var forms = Deletions(word);
            left -= forms.Count;
            if (left < 0)
            {
                yield break;
            }

            yield return (word, forms);
        }
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
