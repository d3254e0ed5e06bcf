using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace LegalAidReferral.Functions.Http;

/// <summary>
/// The <c>X-Correlation-Id</c> of a request: echoed when the caller sends a well-formed one,
/// generated otherwise, and always returned on the response.
/// </summary>
public static partial class Correlation
{
    public const string Header = "X-Correlation-Id";
    private const string ItemKey = "LegalAidReferral.CorrelationId";

    public static string Establish(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        var id = SafeId().IsMatch(incoming) ? incoming : Guid.NewGuid().ToString("N");
        context.Items[ItemKey] = id;
        context.Response.Headers[Header] = id;
        return id;
    }

    public static string Get(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var id) && id is string s ? s : Establish(context);

    // Only opaque tokens are echoed, so a caller cannot smuggle data into logs through this header.
    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex SafeId();
}
