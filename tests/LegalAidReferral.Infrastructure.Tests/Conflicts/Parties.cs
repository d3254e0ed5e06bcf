using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Conflicts;

namespace LegalAidReferral.Infrastructure.Tests.Conflicts;

/// <summary>Fictional parties and cases for the party index tests.</summary>
internal static class Parties
{
    public const string Office = "gt-idpp-guatemala";
    public const string OtherOffice = "mx-ifdp-tapachula";

    public static PartyProfile Person(string name, params (IdentityDocumentType Type, string Number)[] documents) =>
        PartyProfile.Of(Case(Office, name, documents: documents))[0];

    public static Case Case(
        string officeId, string clientName, string[]? aliases = null, (IdentityDocumentType Type, string Number)[]? documents = null, string[]? adverseParties = null)
    {
        var client = new Client(
            clientName, aliases ?? [], null, false, ["HN"], ["es"], null, new Contact(null, null), null,
            (documents ?? []).Select(d => new IdentityDocument(d.Type, d.Number, "HN")).ToArray());
        var details = new CaseDetails(
            client, null, [], null, [new LegalIssue(LegalIssueType.Asylum, null)], new KeyDates(null, null, []),
            (adverseParties ?? []).Select(a => new AdverseParty(a, [])).ToArray());
        var caseId = Guid.NewGuid();
        return Core.Cases.Case.Open(caseId, officeId, $"GT-2026-{caseId.GetHashCode() & 0xFFFFF:D6}", IntakeChannel.Staff, details, "defender", DateTimeOffset.UnixEpoch);
    }

    public static Case Renamed(Case @case, string clientName) =>
        @case with { Details = @case.Details with { Client = @case.Details.Client with { FullName = clientName } }, Version = @case.Version + 1 };
}
