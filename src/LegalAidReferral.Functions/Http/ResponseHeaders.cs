using Microsoft.AspNetCore.Http;

namespace LegalAidReferral.Functions.Http;

/// <summary>
/// Headers that keep personal data out of caches and stop browsers from guessing content types.
/// Rule: every response of a route that needs a token (its errors included) is <c>no-store</c>, as
/// is health; the OpenAPI document may be cached. Every response is <c>nosniff</c>.
/// </summary>
public static class ResponseHeaders
{
    public static void NoSniff(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.XContentTypeOptions = "nosniff";
    }

    public static void NoStore(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = "no-store";
    }
}
