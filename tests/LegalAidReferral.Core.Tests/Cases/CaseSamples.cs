using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Cases.Input;

namespace LegalAidReferral.Core.Tests.Cases;

internal static class CaseSamples
{
    public static readonly DateOnly Today = new(2026, 11, 28);
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 15, 0, 0, TimeSpan.Zero);

    public static IntakeInput ValidInput() => new()
    {
        Client = new ClientInput
        {
            FullName = "María José Pérez López",
            Aliases = ["Majo Pérez"],
            BirthDate = "1994-03-12",
            Nationalities = ["hn"],
            Languages = ["es"],
            Gender = "female",
            Contact = new ContactInput { Phone = "+50255512345" },
            CurrentLocation = new LocationInput { Country = "GT", Locality = "Ciudad de Guatemala" },
            IdentityDocuments = [new IdentityDocumentInput { Type = "passport", Number = "HN1234567", IssuingCountry = "HN" }],
        },
        Household = new HouseholdInput { Size = 3, MonthlyIncome = 1800, Currency = "GTQ" },
        Vulnerabilities = ["detained"],
        LegalIssues = [new LegalIssueInput { Type = "deportation", Description = "Removal order" }],
        KeyDates = new KeyDatesInput { DetentionDate = "2026-11-20", HearingDate = "2026-12-02" },
        AdverseParties = [new AdversePartyInput { Name = "José Pérez García", Aliases = [] }],
    };

    public static CaseDetails ValidDetails()
    {
        var result = CaseDetailsValidator.Validate(ValidInput(), Today);
        Assert.True(result.IsSuccess);
        return result.Value;
    }

    public static Case NewCase(CaseStatus status = CaseStatus.Intake) =>
        Case.Open(Guid.NewGuid(), "gt-idpp-guatemala", "GT-2026-000001", IntakeChannel.Staff, ValidDetails(), "gt-idpp-guatemala-defender", Now)
            with { Status = status };
}
