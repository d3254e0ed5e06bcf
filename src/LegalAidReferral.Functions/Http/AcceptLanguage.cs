using LegalAidReferral.Core.Triage;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace LegalAidReferral.Functions.Http;

/// <summary>
/// The language of explanations for this caller: the supported language with the highest quality in
/// <c>Accept-Language</c> (a regional tag such as <c>es-GT</c> counts for <c>es</c>), else English.
/// </summary>
public static class AcceptLanguage
{
    public static string Choose(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var ranges))
        {
            return TriageExplanations.DefaultLanguage;
        }

        string? best = null;
        var bestQuality = 0.0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            var tag = range.Value.Value ?? string.Empty;
            var primary = tag.Split('-')[0].ToLowerInvariant();
            var language = primary == "*" ? TriageExplanations.DefaultLanguage : TriageExplanations.Languages.FirstOrDefault(l => l == primary);

            // Strictly greater: of equal qualities the caller's first listed language wins.
            if (language is not null && quality > bestQuality)
            {
                best = language;
                bestQuality = quality;
            }
        }

        return best ?? TriageExplanations.DefaultLanguage;
    }

    public static IReadOnlyDictionary<string, string> ContentLanguageHeader(string language) =>
        new Dictionary<string, string> { ["Content-Language"] = language, ["Vary"] = "Accept-Language" };
}
