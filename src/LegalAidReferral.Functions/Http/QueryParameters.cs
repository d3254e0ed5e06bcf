using System.Globalization;
using LegalAidReferral.Core.Common;
using Microsoft.AspNetCore.Http;

namespace LegalAidReferral.Functions.Http;

/// <summary>
/// Query and header values that many routes share: paging, ids and headers. A parameter sent
/// with an empty value is present: its rule decides (an empty limit, status or Idempotency-Key is
/// 400), so a client's mistake is never taken silently as "not sent".
/// </summary>
public static class QueryParameters
{
    public static (PageRequest? Page, Problem? Problem) Page(HttpRequest request)
    {
        int? limit = null;
        if (Text(request, "limit") is { } rawLimit)
        {
            // Not a whole number (empty, signed, too large): reported like a number out of range.
            limit = int.TryParse(rawLimit, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        }

        var errors = new ValidationErrors();
        var page = PageRequest.From(limit, Text(request, "continuationToken"), errors);
        return page is null ? (null, Problem.From(errors.ToFailure())) : (page, null);
    }

    /// <summary>The query value as sent (empty included), or null when the parameter is absent.</summary>
    public static string? Text(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>The header value as sent (empty included), or null when the header is absent.</summary>
    public static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>A case or consent id from the route; anything that is not a GUID cannot name a resource.</summary>
    public static Guid? Id(string value) => Guid.TryParse(value, out var id) ? id : null;
}
