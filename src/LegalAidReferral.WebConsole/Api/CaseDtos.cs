namespace LegalAidReferral.WebConsole.Api;

// The console's own view of the API's case resources, written from openapi.json (a test checks every
// property against its schema): enums stay strings so a value added to the API never breaks a page.

public sealed record CaseSummary(
    string Id, string Reference, string ClientName, string Status, string? Priority, string Channel,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool Demo);

public sealed record CasePage(IReadOnlyList<CaseSummary> Items, string? ContinuationToken);

public sealed record CaseSearchRequest(string Q, string? Status, string? Priority, int? Limit, string? ContinuationToken);

public sealed record Contact(string? Phone, string? Chat);

public sealed record Location(string Country, string? Locality);

public sealed record IdentityDocument(string Type, string Number, string? IssuingCountry);

public sealed record Client(
    string FullName, IReadOnlyList<string>? Aliases, string? BirthDate, bool? BirthDateApproximate,
    IReadOnlyList<string>? Nationalities, IReadOnlyList<string>? Languages, string? Gender, Contact? Contact,
    Location? CurrentLocation, IReadOnlyList<IdentityDocument>? IdentityDocuments);

public sealed record Household(int Size, decimal? MonthlyIncome, string? Currency);

public sealed record LegalIssue(string Type, string? Description);

public sealed record LegalDeadline(string Date, string Description);

public sealed record KeyDates(string? DetentionDate, string? HearingDate, IReadOnlyList<LegalDeadline>? Deadlines);

public sealed record AdverseParty(string Name, IReadOnlyList<string>? Aliases);

public sealed record IntakeRequest(
    Client Client, Household? Household, IReadOnlyList<string>? Vulnerabilities, string? VulnerabilityNotes,
    IReadOnlyList<LegalIssue> LegalIssues, KeyDates? KeyDates, IReadOnlyList<AdverseParty>? AdverseParties, string? Channel);

public sealed record Consent(
    string Id, string Purpose, string? OfficeId, bool Given, DateTimeOffset RecordedAt, string Channel, string Language,
    string RecordedBy, string? EvidenceDocumentId, string? EvidenceReference, DateTimeOffset? WithdrawnAt, bool IsInForce);

public sealed record ConsentRequest(
    string Purpose, string? OfficeId, bool Given, string Channel, string Language, string? EvidenceDocumentId, string? EvidenceReference);

public sealed record ConsentWithdrawalRequest(string Channel);

public sealed record StatusChange(string From, string To, DateTimeOffset At, string By, string? Reason);

public sealed record StatusChangeRequest(string To, string? Reason);

public sealed record ConflictCheckHit(string CaseId, string Reference, string Role, double Score);

public sealed record ConflictCheck(
    DateTimeOffset CheckedAt, string CheckedBy, IReadOnlyList<ConflictCheckHit> Candidates, string? Outcome, string? Note);

public sealed record MatchReason(string Code, string? Query, string? Candidate);

public sealed record ConflictCandidate(
    string CaseId, string Reference, string Role, string Name, double Score, IReadOnlyList<MatchReason> Reasons,
    string MatchedRole, string MatchedName);

public sealed record ConflictCheckReport(string CaseId, DateTimeOffset CheckedAt, IReadOnlyList<ConflictCandidate> Candidates, string? Outcome);

public sealed record ConflictOutcomeRequest(string Outcome, string? Note);

public sealed record TriageCriterionOutcome(string Id, string Kind, string Status, string StatusLabel, string Explanation);

public sealed record TriageExplanation(string Code, string Explanation);

public sealed record TriageOverride(string Decision, string DecisionLabel, string? Priority, string? PriorityLabel, string Reason, string By, DateTimeOffset At);

public sealed record TriageResult(
    string Language, string Decision, string DecisionLabel, string Priority, string PriorityLabel, string EffectiveDecision,
    string EffectivePriority, IReadOnlyList<TriageCriterionOutcome> Criteria, IReadOnlyList<TriageExplanation> PriorityReasons,
    IReadOnlyList<string> RecommendedOfficeIds, DateTimeOffset EvaluatedAt, string EvaluatedBy, bool Stale, TriageOverride? Override);

public sealed record TriageOverrideRequest(string Decision, string? Priority, string Reason);

public sealed record Case(
    string Id, string Reference, string OfficeId, string Channel, string Status, string? Priority, bool Demo, Client Client,
    Household? Household, IReadOnlyList<string>? Vulnerabilities, string? VulnerabilityNotes, IReadOnlyList<LegalIssue> LegalIssues,
    KeyDates? KeyDates, IReadOnlyList<AdverseParty>? AdverseParties, IReadOnlyList<Consent> Consents,
    IReadOnlyList<StatusChange> StatusHistory, ConflictCheck? ConflictCheck, IReadOnlyList<string> AllowedTransitions,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset UpdatedAt, long Version, TriageResult? Triage)
{
    /// <summary>The chat side, for a case taken in through the chat.</summary>
    public CaseChat? Chat { get; init; }
}

public sealed record HistoryEntry(DateTimeOffset At, string Action, string UserId, string OfficeId, IReadOnlyList<string> Changes);

public sealed record HistoryPage(string CaseId, IReadOnlyList<HistoryEntry> Items, string? ContinuationToken);

public sealed record CaseDocument(string Id, string CaseId, string FileName, string ContentType, long SizeBytes, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>A document's bytes and stored type, as downloaded (a file, not a JSON resource).</summary>
public sealed record DownloadedFile(byte[] Bytes, string ContentType);

public sealed record DocumentPage(IReadOnlyList<CaseDocument> Items, string? ContinuationToken);
