using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Core.Conflicts;

/// <summary>
/// What a persistent party index stores for one party of a case: the party itself (<see cref="Profile"/>,
/// from <see cref="PartyProfileCodec"/>), the distinct words of its names (particle-joined forms
/// included; the words of the first <see cref="PartyQuery.MaxWords"/> distinct name words, as a query
/// looks up no more), whether one of its names is a single word, and its document numbers.
/// </summary>
public sealed record IndexedParty(
    PartyRole Role,
    int Position,
    string Reference,
    string Profile,
    IReadOnlyList<string> Words,
    bool HasOneWordName,
    IReadOnlyList<string> DocumentNumbers)
{
    public static IReadOnlyList<IndexedParty> Of(Case @case) =>
        PartyProfile.Of(@case).Select(Of).ToArray();

    public static IndexedParty Of(PartyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new IndexedParty(
            profile.Role,
            profile.Position,
            profile.Reference,
            PartyProfileCodec.Serialize(profile),
            profile.Names
                .SelectMany(n => n.Tokens)
                .DistinctBy(t => t.Text)
                .Take(PartyQuery.MaxWords)
                .SelectMany(t => t.Joined is null ? [t.Text] : new[] { t.Text, t.Joined })
                .Distinct(StringComparer.Ordinal)
                .ToArray(),
            profile.Names.Any(n => n.Tokens.Count == 1),
            profile.Documents.Select(d => d.Number).Distinct(StringComparer.Ordinal).ToArray());
    }
}

/// <summary>
/// The index rows of one case: its parties, and the words it brings to the office's vocabulary with
/// their sound-alike keys and typo forms (within <see cref="PartyVocabulary.MaxTypoFormsPerCase"/>, in
/// the order the words first appear: the client's names, then each adverse party's).
/// </summary>
public sealed record IndexedCase(IReadOnlyList<IndexedParty> Parties, IReadOnlyList<VocabularyWord> Vocabulary)
{
    public static IndexedCase Of(Case @case)
    {
        var parties = IndexedParty.Of(@case);
        var vocabulary = PartyVocabulary.WithinTypoBudget(parties.SelectMany(p => p.Words).Distinct(StringComparer.Ordinal)).ToArray();
        return new IndexedCase(parties, vocabulary);
    }
}

/// <summary>A word of the office's vocabulary with the keys it is found under.</summary>
public sealed record VocabularyWord(string Word, string Phonetic, IReadOnlySet<string> Deletions);
