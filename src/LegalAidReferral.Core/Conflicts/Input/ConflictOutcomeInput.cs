namespace LegalAidReferral.Core.Conflicts.Input;

/// <summary>The body of <c>PUT /api/cases/{caseId}/conflict-check/outcome</c>.</summary>
public sealed record ConflictOutcomeInput
{
    public string? Outcome { get; init; }

    public string? Note { get; init; }
}
