namespace LegalAidReferral.Core.Cases.Input;

/// <summary>The body of <c>POST /api/cases/{caseId}/status</c>.</summary>
public sealed record StatusChangeInput
{
    public string? To { get; init; }

    public string? Reason { get; init; }
}
