using LegalAidReferral.Core.Cases;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace LegalAidReferral.Functions.Cases;

/// <summary>How a case goes back to the caller: its representation, its ETag and its address.</summary>
public static class CaseResults
{
    /// <summary>Marks the answer to a retried create: nothing new was made.</summary>
    public static IReadOnlyDictionary<string, string> ReplayedHeader { get; } = new Dictionary<string, string> { ["Idempotent-Replayed"] = "true" };

    public static string LocationOf(Guid caseId) => $"/api/cases/{caseId}";

    public static JsonBodyResult Ok(Case c, HttpRequest request) => Ok(c, request, language => CaseResource.Of(c, language));

    /// <summary>As <see cref="Ok(Case, HttpRequest)"/>, with the body from <paramref name="representations"/>.</summary>
    public static JsonBodyResult Ok(Case c, HttpRequest request, CaseRepresentations representations)
    {
        ArgumentNullException.ThrowIfNull(representations);
        return Ok(c, request, language => representations.Of(c, language));
    }

    private static JsonBodyResult Ok(Case c, HttpRequest request, Func<string, object> body)
    {
        var language = AcceptLanguage.Choose(request);
        return new(200, body(language)) { ETag = ETags.Of(c.Version), Headers = AcceptLanguage.ContentLanguageHeader(language) };
    }

    public static JsonBodyResult Created(Case c, bool replayed, HttpRequest request)
    {
        var language = AcceptLanguage.Choose(request);
        var headers = AcceptLanguage.ContentLanguageHeader(language);
        return new(201, CaseResource.Of(c, language))
        {
            ETag = ETags.Of(c.Version),
            Location = LocationOf(c.Id),
            Headers = replayed ? headers.Concat(ReplayedHeader).ToDictionary() : headers,
        };
    }
}
