namespace LegalAidReferral.Core.Conflicts;

/// <summary>
/// A party of another case of the office that may be one of the checked case's parties: which case,
/// its role there, the name that matched, the score (0..1), the reasons, and which of the checked
/// case's parties it matched. Shown to staff of the same office only; never logged.
/// </summary>
public sealed record ConflictCandidate(
    Guid CaseId,
    string Reference,
    PartyRole Role,
    string Name,
    double Score,
    IReadOnlyList<MatchReason> Reasons,
    PartyRole MatchedRole,
    string MatchedName);
