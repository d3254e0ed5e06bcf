using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Core.Conflicts;

/// <summary>
/// What a persistent party index stores for one party of a case: the party itself (<see cref="Profile"/>,
/// from <see cref="PartyProfileCodec"/>), the distinct words of its names (particle-joined forms
/// included), whether one of its names is a single word, and its document numbers.
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
                .SelectMany(t => t.Joined is null ? [t.Text] : new[] { t.Text, t.Joined })
                .Distinct(StringComparer.Ordinal)
                .ToArray(),
            profile.Names.Any(n => n.Tokens.Count == 1),
            profile.Documents.Select(d => d.Number).Distinct(StringComparer.Ordinal).ToArray());
    }
}
