using LegalAidReferral.Core.Cases;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace LegalAidReferral.Functions.Triage;

/// <summary>How a triage answer goes back: the case's result in the caller's language, with the case's ETag.</summary>
public static class TriageResults
{
    public static JsonBodyResult Ok(Case c, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(c);
        var language = AcceptLanguage.Choose(request);
        return new JsonBodyResult(200, TriageResource.Of(c.Triage!, language))
        {
            ETag = ETags.Of(c.Version),
            Headers = AcceptLanguage.ContentLanguageHeader(language),
        };
    }
}
