using LegalAidReferral.Core.Cases;
using LegalAidReferral.Functions.Http;

namespace LegalAidReferral.Functions.Cases;

/// <summary>How a case goes back to the caller: its representation, its ETag and its address.</summary>
public static class CaseResults
{
    /// <summary>Marks the answer to a retried create: nothing new was made.</summary>
    public static IReadOnlyDictionary<string, string> ReplayedHeader { get; } = new Dictionary<string, string> { ["Idempotent-Replayed"] = "true" };

    public static string LocationOf(Guid caseId) => $"/api/cases/{caseId}";

    public static JsonBodyResult Ok(Case c) => new(200, CaseResource.Of(c)) { ETag = c.ETag };

    public static JsonBodyResult Created(Case c, bool replayed) => new(201, CaseResource.Of(c))
    {
        ETag = c.ETag,
        Location = LocationOf(c.Id),
        Headers = replayed ? ReplayedHeader : null,
    };
}
