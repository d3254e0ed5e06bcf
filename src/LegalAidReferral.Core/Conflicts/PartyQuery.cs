namespace LegalAidReferral.Core.Conflicts;

/// <summary>
/// A party to search for, in the form an index lookup needs: each distinct word of its names with a
/// number of its own, the keys its similar words are stored under, and its document numbers.
/// </summary>
/// <remarks>
/// A stored party is a candidate when its words are similar to two or more distinct query words, or to
/// one when either side has a name of a single word, or when it holds one of the document numbers. A
/// party that shares one word with a query of several words cannot reach <see cref="PartyMatcher.MinScore"/>,
/// so leaving it out changes no answer.
/// </remarks>
public sealed class PartyQuery
{
    /// <summary>
    /// A party's distinct name words (full name and aliases, in order) beyond this many are neither
    /// indexed nor looked up; no real person's names come near it.
    /// </summary>
    public const int MaxWords = 32;

    private static readonly IReadOnlySet<string> NoForms = new HashSet<string>();

    private PartyQuery(PartyProfile profile, IReadOnlyList<QueryWord> words)
    {
        Profile = profile;
        Words = words;
        HasOneWordName = profile.Names.Any(n => n.Tokens.Count == 1);
        DocumentNumbers = profile.Documents.Select(d => d.Number).Distinct(StringComparer.Ordinal).ToArray();
        PhoneticKeys = words.Select(w => w.Phonetic).Distinct(StringComparer.Ordinal).ToArray();
        DeletionForms = words.SelectMany(w => w.Deletions).Distinct(StringComparer.Ordinal).ToArray();
    }

    public PartyProfile Profile { get; }

    public IReadOnlyList<QueryWord> Words { get; }

    public bool HasOneWordName { get; }

    public IReadOnlyList<string> DocumentNumbers { get; }

    /// <summary>The sound-alike keys of the query words, each once.</summary>
    public IReadOnlyList<string> PhoneticKeys { get; }

    /// <summary>The deletion forms of the query words, each once.</summary>
    public IReadOnlyList<string> DeletionForms { get; }

    public static PartyQuery Of(PartyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var tokens = profile.Names.SelectMany(n => n.Tokens).DistinctBy(t => t.Text).Take(MaxWords).ToArray();
        var forms = PartyVocabulary.WithinTypoBudget(tokens.Select(t => t.Text)).ToDictionary(w => w.Word, w => w.Deletions, StringComparer.Ordinal);
        var words = tokens
            .Select((t, number) => new QueryWord(number, t.Text, t.Joined, t.Key, forms.GetValueOrDefault(t.Text, NoForms)))
            .ToArray();
        return new PartyQuery(profile, words);
    }

    /// <summary>
    /// For each query word, the indexed words similar to it: the word itself and its particle-joined
    /// form, the words with its sound-alike key, and the words sharing a deletion form with it that are
    /// within the allowed typos. Each pair comes once; a word similar to two query words comes twice.
    /// </summary>
    /// <param name="wordsByPhonetic">Indexed words by sound-alike key, for the keys in <see cref="PhoneticKeys"/>.</param>
    /// <param name="wordsByDeletion">Indexed words by deletion form, for the forms in <see cref="DeletionForms"/>.</param>
    public IReadOnlyCollection<(string Word, int Number)> SimilarWords(ILookup<string, string> wordsByPhonetic, ILookup<string, string> wordsByDeletion)
    {
        ArgumentNullException.ThrowIfNull(wordsByPhonetic);
        ArgumentNullException.ThrowIfNull(wordsByDeletion);
        var similar = new HashSet<(string Word, int Number)>();
        foreach (var word in Words)
        {
            similar.Add((word.Text, word.Number));
            if (word.Joined is { } joined)
            {
                similar.Add((joined, word.Number));
            }

            foreach (var soundAlike in wordsByPhonetic[word.Phonetic])
            {
                similar.Add((soundAlike, word.Number));
            }

            foreach (var form in word.Deletions)
            {
                foreach (var near in wordsByDeletion[form])
                {
                    if (PartyVocabulary.IsTypoOf(word.Text, near))
                    {
                        similar.Add((near, word.Number));
                    }
                }
            }
        }

        return similar;
    }
}

/// <summary>
/// One distinct word of a query party, numbered from 0, with the keys its similar words are found
/// under; <see cref="Deletions"/> is empty for a word past the query's typo budget.
/// </summary>
public sealed record QueryWord(int Number, string Text, string? Joined, string Phonetic, IReadOnlySet<string> Deletions);
