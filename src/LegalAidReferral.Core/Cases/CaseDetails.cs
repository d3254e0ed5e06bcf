namespace LegalAidReferral.Core.Cases;

/// <summary>
/// What the office knows about the client and the legal matter. Built only by
/// <see cref="CaseDetailsValidator"/>, so every instance holds valid data.
/// </summary>
public sealed record CaseDetails(
    Client Client,
    Household? Household,
    IReadOnlyList<Vulnerability> Vulnerabilities,
    string? VulnerabilityNotes,
    IReadOnlyList<LegalIssue> LegalIssues,
    KeyDates KeyDates,
    IReadOnlyList<AdverseParty> AdverseParties);

public sealed record Client(
    string FullName,
    IReadOnlyList<string> Aliases,
    DateOnly? BirthDate,
    bool BirthDateApproximate,
    IReadOnlyList<string> Nationalities,
    IReadOnlyList<string> Languages,
    string? Gender,
    Contact Contact,
    Location? CurrentLocation,
    IReadOnlyList<IdentityDocument> IdentityDocuments);

public sealed record Contact(string? Phone, string? Chat);

public sealed record Location(string Country, string? Locality);

public sealed record IdentityDocument(IdentityDocumentType Type, string Number, string? IssuingCountry);

public sealed record Household(int Size, decimal? MonthlyIncome, string? Currency);

public sealed record LegalIssue(LegalIssueType Type, string? Description);

public sealed record KeyDates(DateOnly? DetentionDate, DateOnly? HearingDate, IReadOnlyList<LegalDeadline> Deadlines);

public sealed record LegalDeadline(DateOnly Date, string Description);

public sealed record AdverseParty(string Name, IReadOnlyList<string> Aliases);
