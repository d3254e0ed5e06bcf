namespace LegalAidReferral.Core.Triage.Input;

/// <summary>The body of <c>POST /api/cases/{caseId}/triage/override</c>.</summary>
public sealed record TriageOverrideInput
{
    public string? Decision { get; init; }

    public string? Priority { get; init; }

    public string? Reason { get; init; }
}

/// <summary>The body of <c>POST /api/cases/{caseId}/triage</c>: empty, so an unknown field is reported rather than ignored.</summary>
public sealed record TriageRequestInput;
