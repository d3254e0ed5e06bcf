using LegalAidReferral.Core.Common;

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

    /// <summary>Words whose keys are kept once built: names repeat (a few hundred surnames make most of an office's parties).</summary>
    public const int KeptWords = 65_536;

    private static readonly KeptValues<string, VocabularyWord> Kept = new(KeptWords, StringComparer.Ordinal);

    public static string Phonetic(string word) => PhoneticKey.Of(word);

    /// <summary>
    /// The word with its sound-alike key and deletion forms, built once and kept for the next case or
    /// query that has it (both are functions of the word alone). At most <see cref="KeptWords"/> are
    /// kept; past that the store starts again empty, which costs only rebuilding.
    /// </summary>
    public static VocabularyWord Word(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Kept.GetOrAdd(word, w => new VocabularyWord(w, Phonetic(w), Deletions(w)));
    }

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
    public static IEnumerable<VocabularyWord> WithinTypoBudget(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var left = MaxTypoFormsPerCase;
        foreach (var word in words)
        {
            var kept = Word(word);
            left -= kept.Deletions.Count;
            if (left < 0)
            {
                yield break;
            }

            yield return kept;
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
