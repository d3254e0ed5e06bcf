using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace LegalAidReferral.Functions.Http;

/// <summary>
/// The syntax of an <c>If-Match</c> header (RFC 9110, section 13.1.1): <c>*</c> or a comma-separated
/// list of entity tags such as <c>"3"</c> or <c>W/"3"</c>. A malformed header (an unquoted
/// <c>3</c>, or an empty value) is the caller's mistake, a 400, not a changed resource (412).
/// The empty tag <c>""</c> is refused too: this service never issues it.
/// </summary>
public static partial class IfMatch
{
    public const string Header = "If-Match";

    public static bool IsMalformed(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Headers.TryGetValue(Header, out var values))
        {
            return false;
        }

        var value = values.ToString().Trim();
        return value != "*" && !value.Split(',').All(tag => EntityTag().IsMatch(tag.Trim()));
    }

    [GeneratedRegex("^(W/)?\"[\\x21\\x23-\\x7E]+\"$")]
    private static partial Regex EntityTag();
}
