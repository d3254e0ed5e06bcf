using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Core.Conflicts;

public enum PartyRole
{
    Client,
    AdverseParty,
}

/// <summary>One way of writing a party's name (the full name or an alias), folded into tokens.</summary>
public sealed record PartyName(string Text, bool IsAlias, IReadOnlyList<NameToken> Tokens);

/// <summary>An identity document number in comparable form: upper case, letters and digits only.</summary>
public sealed record PartyDocument(IdentityDocumentType Type, string Number, string? IssuingCountry)
{
    public static string NormalizeNumber(string number) =>
        string.Concat(number.Where(char.IsLetterOrDigit)).ToUpperInvariant();
}

/// <summary>
/// A person recorded on a case, in the form the conflict check compares: the client (names, birth
/// date, documents) or one adverse party (names only). <see cref="Position"/> tells adverse parties of
/// one case apart.
/// </summary>
public sealed record PartyProfile(
    Guid CaseId,
    string Reference,
    PartyRole Role,
    int Position,
    string Name,
    IReadOnlyList<PartyName> Names,
    DateOnly? BirthDate,
    bool BirthDateApproximate,
    IReadOnlyList<PartyDocument> Documents)
{
    public static IReadOnlyList<PartyProfile> Of(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var client = @case.Details.Client;
        var profiles = new List<PartyProfile>(1 + @case.Details.AdverseParties.Count)
        {
            new(
                @case.Id,
                @case.Reference,
                PartyRole.Client,
                0,
                client.FullName,
                NamesOf(client.FullName, client.Aliases),
                client.BirthDate,
                client.BirthDateApproximate,
                client.IdentityDocuments
                    .Select(d => new PartyDocument(d.Type, PartyDocument.NormalizeNumber(d.Number), d.IssuingCountry))
                    .Where(d => d.Number.Length > 0)
                    .ToArray()),
        };
        for (var i = 0; i < @case.Details.AdverseParties.Count; i++)
        {
            var party = @case.Details.AdverseParties[i];
            profiles.Add(new(@case.Id, @case.Reference, PartyRole.AdverseParty, i, party.Name, NamesOf(party.Name, party.Aliases), null, false, []));
        }

        return profiles;
    }

    internal static PartyName[] NamesOf(string fullName, IReadOnlyList<string> aliases) =>
        [.. new[] { new PartyName(fullName, false, NameText.Tokenize(fullName)) }
            .Concat(aliases.Select(a => new PartyName(a, true, NameText.Tokenize(a))))
            .Where(n => n.Tokens.Count > 0)];
}
