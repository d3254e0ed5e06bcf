namespace LegalAidReferral.Core.Cases.Input;

// The wire shape of case details: everything optional and loosely typed (enums and dates as
// strings) so that the validator, not the JSON reader, reports what is wrong, field by field.

public record CaseDetailsInput
{
    public ClientInput? Client { get; init; }

    public HouseholdInput? Household { get; init; }

    public List<string?>? Vulnerabilities { get; init; }

    public string? VulnerabilityNotes { get; init; }

    public List<LegalIssueInput?>? LegalIssues { get; init; }

    public KeyDatesInput? KeyDates { get; init; }

    public List<AdversePartyInput?>? AdverseParties { get; init; }
}

public sealed record ClientInput
{
    public string? FullName { get; init; }

    public List<string?>? Aliases { get; init; }

    public string? BirthDate { get; init; }

    public bool? BirthDateApproximate { get; init; }

    public List<string?>? Nationalities { get; init; }

    public List<string?>? Languages { get; init; }

    public string? Gender { get; init; }

    public ContactInput? Contact { get; init; }

    public LocationInput? CurrentLocation { get; init; }

    public List<IdentityDocumentInput?>? IdentityDocuments { get; init; }
}

public sealed record ContactInput
{
    public string? Phone { get; init; }

    public string? Chat { get; init; }
}

public sealed record LocationInput
{
    public string? Country { get; init; }

    public string? Locality { get; init; }
}

public sealed record IdentityDocumentInput
{
    public string? Type { get; init; }

    public string? Number { get; init; }

    public string? IssuingCountry { get; init; }
}

public sealed record HouseholdInput
{
    public int? Size { get; init; }

    public decimal? MonthlyIncome { get; init; }

    public string? Currency { get; init; }
}

public sealed record LegalIssueInput
{
    public string? Type { get; init; }

    public string? Description { get; init; }
}

public sealed record KeyDatesInput
{
    public string? DetentionDate { get; init; }

    public string? HearingDate { get; init; }

    public List<LegalDeadlineInput?>? Deadlines { get; init; }
}

public sealed record LegalDeadlineInput
{
    public string? Date { get; init; }

    public string? Description { get; init; }
}

public sealed record AdversePartyInput
{
    public string? Name { get; init; }

    public List<string?>? Aliases { get; init; }
}
