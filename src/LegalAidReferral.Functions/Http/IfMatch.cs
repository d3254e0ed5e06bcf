using System.Text.RegularExpressions;
using LegalAidReferral.Core.Common;
using Microsoft.AspNetCore.Http;

namespace LegalAidReferral.Functions.Http;

/// <summary>
/// The <c>If-Match</c> header (RFC 9110, section 13.1.1): <c>*</c> or a comma-separated list of
/// entity tags such as <c>"3"</c> or <c>W/"3"</c>. A malformed header (an unquoted <c>3</c>, or an
/// empty value) is the caller's mistake, a 400, not a changed resource (412). The empty tag <c>""</c>
/// is refused too: this service never issues it. A well-formed header becomes the
/// <see cref="ExpectedVersion"/> of the command: <c>*</c> matches any current version; a list matches
/// when any of its tags matches, by strong comparison, so a weak tag never matches.
/// </summary>
public static partial class IfMatch
{
    public const string Header = "If-Match";

    public static bool IsMalformed(HttpRequest request) => Parse(request).Malformed;

    /// <summary>What the caller expects; null when the header is absent. Call it after <see cref="IsMalformed"/>.</summary>
    public static ExpectedVersion? Read(HttpRequest request) => Parse(request).Expected;

    private static (bool Malformed, ExpectedVersion? Expected) Parse(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Headers.TryGetValue(Header, out var values))
        {
            return (false, null);
        }

        var value = values.ToString().Trim();
        if (value == "*")
        {
            return (false, ExpectedVersion.AnyCurrent);
        }

        var tags = value.Split(',').Select(tag => EntityTag().Match(tag.Trim())).ToArray();
        if (!tags.All(tag => tag.Success))
        {
            return (true, null);
        }

        var versions = tags
            .Where(tag => !tag.Groups["weak"].Success)
            .Select(tag => ETags.VersionOf(tag.Groups["opaque"].Value))
            .OfType<long>();
        return (false, ExpectedVersion.OneOf(versions));
    }

    [GeneratedRegex("^(?<weak>W/)?\"(?<opaque>[\\x21\\x23-\\x7E]+)\"$")]
    private static partial Regex EntityTag();
}
