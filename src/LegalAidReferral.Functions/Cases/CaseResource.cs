using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Functions.Chat;
using LegalAidReferral.Functions.Triage;

namespace LegalAidReferral.Functions.Cases;

/// <summary>
/// A case as the API shows it: the intake fields at the top level (so a client can send back what
/// it read), then the case's state, consents, status history, the last conflict check, the statuses it
/// may move to next, and the triage result with its explanations in the caller's language.
/// </summary>
public sealed record CaseResource(
    Guid Id,
    string Reference,
    string OfficeId,
    IntakeChannel Channel,
    CaseStatus Status,
    Priority? Priority,
    bool Demo,
    Client Client,
    Household? Household,
    IReadOnlyList<Vulnerability> Vulnerabilities,
    string? VulnerabilityNotes,
    IReadOnlyList<LegalIssue> LegalIssues,
    KeyDates KeyDates,
    IReadOnlyList<AdverseParty> AdverseParties,
    IReadOnlyList<Consent> Consents,
    IReadOnlyList<StatusChange> StatusHistory,
    ConflictCheck? ConflictCheck,
    IReadOnlyList<CaseStatus> AllowedTransitions,
    ConflictOutcome? ConflictOutcome,
    TriageResource? Triage,
    CaseChatResource? Chat,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    long Version)
{
    public static CaseResource Of(Case c, string language) => new(
        c.Id,
        c.Reference,
        c.OfficeId,
        c.Channel,
        c.Status,
        c.Priority,
        c.Demo,
        c.Details.Client,
        c.Details.Household,
        c.Details.Vulnerabilities,
        c.Details.VulnerabilityNotes,
        c.Details.LegalIssues,
        c.Details.KeyDates,
        c.Details.AdverseParties,
        c.Consents,
        c.StatusHistory,
        c.ConflictCheck,
        CaseTransitions.AllowedFrom(c.Status).ToArray(),
        c.ConflictOutcome,
        c.Triage is null ? null : TriageResource.Of(c.Triage, language),
        CaseChatResource.Of(c.Chat),
        c.CreatedAt,
        c.CreatedBy,
        c.UpdatedAt,
        c.Version);
}
