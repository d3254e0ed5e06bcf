using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Documents;

/// <summary>The <c>documentIds</c> of a new referral: each must name a document of the referred case.</summary>
public static class ReferralDocuments
{
    /// <summary>The ids in their canonical form, or a validation failure on <c>documentIds</c>.</summary>
    public static async Task<Result<IReadOnlyList<string>>> CheckAsync(
        IDocumentCatalog catalog, Case @case, IReadOnlyList<string> documentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(documentIds);
        var canonical = new List<string>(documentIds.Count);
        foreach (var value in documentIds)
        {
            if (!Guid.TryParse(value, out var id)
                || await catalog.FindAsync(@case.OfficeId, id, cancellationToken) is not { } document
                || document.CaseId != @case.Id)
            {
                return Failure.Invalid("documentIds", "Every entry must be the id of a document of this case; GET /api/cases/{caseId}/documents lists them.");
            }

            var text = id.ToString("D");
            if (!canonical.Contains(text))
            {
                canonical.Add(text);
            }
        }

        return canonical;
    }
}
