using LegalAidReferral.Core.Conflicts;

namespace LegalAidReferral.Functions.Conflicts;

/// <summary>The answer to a conflict check: the ranked candidates with their reasons, and the recorded outcome.</summary>
public sealed record ConflictCheckResource(
    Guid CaseId,
    DateTimeOffset CheckedAt,
    string CheckedBy,
    IReadOnlyList<ConflictCandidate> Candidates,
    ConflictOutcome? Outcome,
    string? Note,
    DateTimeOffset? OutcomeAt,
    string? OutcomeBy)
{
    public static ConflictCheckResource Of(RunConflictCheck.Report report)
    {
        var check = report.Case.ConflictCheck!;
        return new(report.Case.Id, check.CheckedAt, check.CheckedBy, report.Candidates, check.Outcome, check.Note, check.OutcomeAt, check.OutcomeBy);
    }
}
