using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Core.Access;

/// <summary>The data a use case touches: an office's, and within it possibly one case.</summary>
public sealed record AccessTarget(string OfficeId, Guid? CaseId = null)
{
    public static AccessTarget Of(Case @case) => new(@case.OfficeId, @case.Id);
}
