using System.Globalization;
using LegalAidReferral.Core.Common;
using Microsoft.AspNetCore.Http;

namespace LegalAidReferral.Functions.Http;

/// <summary>Query and header values that many routes share: paging, ids and preconditions.</summary>
public static class QueryParameters
{
    public static (PageRequest? Page, Problem? Problem) Page(HttpRequest request)
    {
        var limit = PageRequest.DefaultLimit;
        var rawLimit = request.Query["limit"].ToString();
        if (rawLimit.Length > 0
            && (!int.TryParse(rawLimit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > PageRequest.MaxLimit))
        {
            return (null, Problem.Invalid("limit", $"The limit must be a whole number from 1 to {PageRequest.MaxLimit}."));
        }

        var token = request.Query["continuationToken"].ToString();
        if (token.Length > ContinuationTokens.MaxLength)
        {
            return (null, Problem.Invalid("continuationToken", "The continuation token is not valid."));
        }

        return (new PageRequest(limit, token.Length == 0 ? null : token), null);
    }

    public static string? Text(HttpRequest request, string name)
    {
        var value = request.Query[name].ToString();
        return value.Length == 0 ? null : value;
    }

    public static string? Header(HttpRequest request, string name)
    {
        var value = request.Headers[name].ToString();
        return value.Length == 0 ? null : value;
    }

    /// <summary>A case or consent id from the route; anything that is not a GUID cannot name a resource.</summary>
    public static Guid? Id(string value) => Guid.TryParse(value, out var id) ? id : null;
}
