using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Conflicts;

namespace LegalAidReferral.Core.Tests.Conflicts;

/// <summary>Fictional parties and cases for the conflict check tests.</summary>
internal static class Parties
{
    public const string Office = "gt-idpp-guatemala";
    public const string OtherOffice = "mx-ifdp-tapachula";

    public static PartyProfile Person(
        string name, string[]? aliases = null, DateOnly? birthDate = null, bool approximate = false, params (IdentityDocumentType Type, string Number)[] documents) =>
        PartyProfile.Of(Case(Office, name, aliases, birthDate, approximate, documents))[0];

    public static Case Case(
        string officeId, string clientName, string[]? aliases = null, DateOnly? birthDate = null, bool approximate = false,
        (IdentityDocumentType Type, string Number)[]? documents = null, string[]? adverseParties = null, Guid? id = null)
    {
        var client = new Client(
            clientName, aliases ?? [], birthDate, approximate, ["HN"], ["es"], null, new Contact(null, null), null,
            (documents ?? []).Select(d => new IdentityDocument(d.Type, d.Number, "HN")).ToArray());
        var details = new CaseDetails(
            client, null, [], null, [new LegalIssue(LegalIssueType.Asylum, null)], new KeyDates(null, null, []),
            (adverseParties ?? []).Select(a => new AdverseParty(a, [])).ToArray());
        var caseId = id ?? Guid.NewGuid();
        return Core.Cases.Case.Open(caseId, officeId, $"GT-2026-{caseId.GetHashCode() & 0xFFFFF:D6}", IntakeChannel.Staff, details, "defender", DateTimeOffset.UnixEpoch);
    }
}
