using System.Text.RegularExpressions;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Triage;

namespace LegalAidReferral.Core.Tests.Triage;

public partial class TriageExplanationsTests
{
    public static TheoryData<string> Languages() => new(TriageExplanations.Languages);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_language_has_a_text_for_every_code_and_label(string language)
    {
        var missing = TriageExplanations.RequiredKeys.Except(TriageExplanations.KeysOf(language)).ToArray();

        Assert.True(missing.Length == 0, $"'{language}' lacks: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_language_has_no_text_that_nothing_uses(string language) =>
        Assert.Empty(TriageExplanations.KeysOf(language).Except(TriageExplanations.RequiredKeys));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_translation_quotes_the_same_placeholders_as_english(string language)
    {
        foreach (var code in ExplanationCodes.All)
        {
            Assert.Equal(Placeholders(Template(code, "en")), Placeholders(Template(code, language)));
        }
    }

    [Fact]
    public void Rendering_fills_placeholders_in_the_chosen_language()
    {
        var arguments = new ExplanationArguments { Currency = "GTQ", Threshold = 2400m, HouseholdSize = 4 };

        Assert.Equal(
            "The household income is above the threshold of 2,400 GTQ for a household of 4.",
            TriageExplanations.Render(ExplanationCodes.MeansTestAboveThreshold, arguments, "en"));
        Assert.Equal(
            "El ingreso del hogar supera el umbral de 2,400 GTQ para un hogar de 4 personas.",
            TriageExplanations.Render(ExplanationCodes.MeansTestAboveThreshold, arguments, "es"));
        Assert.Equal(
            "Yo pa egzije tès revni a poutèt vilnerabilite sa a: timoun ki pou kont li.",
            TriageExplanations.Render(ExplanationCodes.MeansTestWaived, new ExplanationArguments { Vulnerability = Vulnerability.UnaccompaniedMinor }, "ht"));
    }

    [Fact]
    public void An_unsupported_language_falls_back_to_english() =>
        Assert.Equal(
            TriageExplanations.Render(ExplanationCodes.ConflictNone, default, "en"),
            TriageExplanations.Render(ExplanationCodes.ConflictNone, default, "de"));

    private static string Template(string code, string language)
    {
        using var stream = typeof(TriageExplanations).Assembly.GetManifestResourceStream($"TriageExplanations/{language}.json")!;
        return System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(stream)![code];
    }

    private static string[] Placeholders(string template) =>
        Placeholder().Matches(template).Select(m => m.Value).Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"\{[a-zA-Z]+\}")]
    private static partial Regex Placeholder();
}
