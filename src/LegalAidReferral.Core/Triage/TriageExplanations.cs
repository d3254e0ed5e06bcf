using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Triage;

/// <summary>
/// Renders explanation codes in the user's language from the embedded files
/// <c>Triage/Explanations/{language}.json</c> (code -> text with <c>{placeholders}</c>).
/// </summary>
public static class TriageExplanations
{
    public const string DefaultLanguage = "en";

    public static IReadOnlyList<string> Languages { get; } = ["en", "es", "fr", "pt", "ht"];

    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Texts =
        Languages.ToFrozenDictionary(l => l, Load, StringComparer.Ordinal);

    /// <summary>The keys of one language's file, for the test that no language lacks a text.</summary>
    public static IReadOnlyCollection<string> KeysOf(string language) => Texts[language].Keys;

    /// <summary>The codes and labels every language must have: explanation codes and the enum values they quote.</summary>
    public static IReadOnlyList<string> RequiredKeys { get; } =
    [
        .. ExplanationCodes.All,
        .. Kebab<TriageDecision>.Names.Select(n => $"decision.{n}"),
        .. Kebab<Priority>.Names.Select(n => $"priority.{n}"),
        .. Kebab<CriterionStatus>.Names.Select(n => $"criterion-status.{n}"),
        .. Kebab<Vulnerability>.Names.Select(n => $"vulnerability.{n}"),
    ];

    public static string Render(Explanation explanation, string language) => Render(explanation.Code, explanation.Arguments, language);

    public static string Render(string code, ExplanationArguments arguments, string language)
    {
        var template = Text(code, language);
        var result = new StringBuilder(template.Length + 32);
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf('{', at);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                result.Append(template, at, template.Length - at);
                break;
            }

            result.Append(template, at, open - at).Append(Argument(template[(open + 1)..close], arguments, language));
            at = close + 1;
        }

        return result.ToString();
    }

    public static string Label(TriageDecision decision, string language) => Text($"decision.{Kebab<TriageDecision>.Name(decision)}", language);

    public static string Label(Priority priority, string language) => Text($"priority.{Kebab<Priority>.Name(priority)}", language);

    public static string Label(CriterionStatus status, string language) => Text($"criterion-status.{Kebab<CriterionStatus>.Name(status)}", language);

    private static string Text(string key, string language) =>
        Texts.GetValueOrDefault(language)?.GetValueOrDefault(key) ?? Texts[DefaultLanguage].GetValueOrDefault(key) ?? key;

    private static string Argument(string name, ExplanationArguments arguments, string language) => name switch
    {
        "country" => arguments.Country ?? string.Empty,
        "currency" => arguments.Currency ?? string.Empty,
        "threshold" => arguments.Threshold?.ToString("#,0.##", CultureInfo.InvariantCulture) ?? string.Empty,
        "householdSize" => arguments.HouseholdSize?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        "days" => arguments.Days?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        "priority" => arguments.Priority is { } p ? Label(p, language) : string.Empty,
        "vulnerability" => arguments.Vulnerability is { } v ? Text($"vulnerability.{Kebab<Vulnerability>.Name(v)}", language) : string.Empty,
        _ => throw new InvalidDataException($"The explanation placeholder '{{{name}}}' is unknown."),
    };

    private static FrozenDictionary<string, string> Load(string language)
    {
        var name = $"TriageExplanations/{language}.json";
        using var stream = typeof(TriageExplanations).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"The embedded explanation texts '{name}' are missing.");
        return (JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidDataException($"The explanation texts '{name}' are empty."))
            .ToFrozenDictionary(StringComparer.Ordinal);
    }
}
