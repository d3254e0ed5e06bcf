namespace LegalAidReferral.Core.Cases.Input;

/// <summary>The body of <c>POST /api/cases</c>: the case details and the channel they came through.</summary>
public sealed record IntakeInput : CaseDetailsInput
{
    public string? Channel { get; init; }
}
