namespace LegalAidReferral.Core.Cases.Input;

/// <summary>The body of <c>POST /api/cases/search</c>: names travel in a body, never in a URL.</summary>
public sealed record CaseSearchInput
{
    public string? Q { get; init; }

    public string? Status { get; init; }

    public string? Priority { get; init; }

    public int? Limit { get; init; }

    public string? ContinuationToken { get; init; }
}
