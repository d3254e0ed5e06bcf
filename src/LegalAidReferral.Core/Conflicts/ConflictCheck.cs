namespace LegalAidReferral.Core.Conflicts;

/// <summary>
/// The last conflict check of a case as the case keeps it: when and by whom it ran, which parties it
/// found (case, role and score only: names stay in the other cases), and the outcome staff recorded.
/// A new check keeps the recorded outcome, so a confirmed conflict is never erased by running again;
/// <see cref="OutcomeAt"/> earlier than <see cref="CheckedAt"/> shows the outcome predates the check.
/// </summary>
public sealed record ConflictCheck(
    DateTimeOffset CheckedAt,
    string CheckedBy,
    IReadOnlyList<ConflictCheckHit> Candidates,
    ConflictOutcome? Outcome,
    string? Note,
    DateTimeOffset? OutcomeAt,
    string? OutcomeBy);

/// <summary>One party a conflict check found, as kept on the checked case.</summary>
public sealed record ConflictCheckHit(Guid CaseId, string Reference, PartyRole Role, double Score);
