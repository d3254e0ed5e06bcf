using LegalAidReferral.Core.Cases;
using LegalAidReferral.Functions.Http;

namespace LegalAidReferral.Functions.Cases;

/// <summary>How a case goes back to the caller: its representation, its ETag and its address.</summary>
public static class CaseResults
{
    public static string LocationOf(Guid caseId) => $"/api/cases/{caseId}";

    public static JsonBodyResult Ok(Case c) => new(200, CaseResource.Of(c)) { ETag = c.ETag };

    public static JsonBodyResult Created(Case c, bool replayed) => new(201, CaseResource.Of(c))
    {
        ETag = c.ETag,
        Location = LocationOf(c.Id),
        Headers = replayed ? new Dictionary<string, string> { ["Idempotent-Replayed"] = "true" } : null,
    };
}
