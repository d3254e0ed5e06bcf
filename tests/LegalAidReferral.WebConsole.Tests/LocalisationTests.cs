using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Localisation;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>Every text of the console exists in every language, and every text the pages ask for exists.</summary>
public sealed partial class LocalisationTests
{
    private static readonly ResourceManager Resources = new("LegalAidReferral.WebConsole.Localisation.Texts", typeof(Texts).Assembly);

    private static IReadOnlyDictionary<string, string> Neutral { get; } = Read(CultureInfo.InvariantCulture);

    public static TheoryData<string> Languages() => [.. ConsoleLanguage.All.Select(l => l.Code).Where(c => c != "en")];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_text_is_translated(string language)
    {
        var translated = Read(CultureInfo.GetCultureInfo(language));
        var missing = Neutral.Keys.Where(k => !translated.TryGetValue(k, out var text) || string.IsNullOrWhiteSpace(text)).ToList();
        Assert.True(missing.Count == 0, $"{language} lacks: {string.Join(", ", missing)}");
        Assert.Empty(translated.Keys.Except(Neutral.Keys));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void A_translation_keeps_the_placeholders_of_its_text(string language)
    {
        var translated = Read(CultureInfo.GetCultureInfo(language));
        foreach (var (key, text) in Neutral)
        {
            Assert.True(
                Placeholders(text).SetEquals(Placeholders(translated[key])),
                $"{language} {key}: \"{translated[key]}\" does not have the placeholders of \"{text}\"");
        }
    }

    [Fact]
    public void Every_text_a_page_asks_for_exists()
    {
        var asked = Directory.EnumerateFiles(Repository.ConsoleSources, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => TextKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .ToHashSet();
        Assert.NotEmpty(asked);
        var missing = asked.Where(k => !Neutral.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, $"Texts.resx lacks: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_markup_writes_no_words_of_its_own_but_the_product_s_name_and_codes()
    {
        var written = Directory.EnumerateFiles(Repository.ConsoleSources, "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => MarkupText().Matches(Markup(File.ReadAllText(f))).Select(m => $"{Path.GetFileName(f)}: {m.Groups["text"].Value.Trim()}"))
            .Where(t => !t.EndsWith(": LegalAidReferral", StringComparison.Ordinal) && !t.EndsWith(": GTQ, MXN…", StringComparison.Ordinal))
            .ToList();

        Assert.Equal([], written);
    }

    [Fact]
    public void Every_enum_value_the_console_shows_has_a_text()
    {
        var values = ApiValues.Enums.SelectMany(e => e.Value.Select(v => $"{e.Key}.{v}")).Concat(ApiValues.MatchReasons.Select(r => $"MatchReason.{r}"));
        var missing = values.Where(k => !Neutral.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, $"Texts.resx lacks: {string.Join(", ", missing)}");
    }

    [Theory]
    [InlineData("fr", new[] { "fr-CA", "en" }, "fr")]
    [InlineData(null, new[] { "de-DE", "pt-BR" }, "pt")]
    [InlineData(null, new[] { "de-DE" }, "es")]
    [InlineData("xx", new[] { "ht" }, "ht")]
    public void The_language_is_the_stored_choice_else_the_first_browser_language_the_console_has(string? stored, string[] browser, string expected) =>
        Assert.Equal(expected, ConsoleLanguage.Choose(stored, browser));

    private static Dictionary<string, string> Read(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    /// <summary>A component's markup: without its <c>@code</c> block and its <c>@* *@</c> comments.</summary>
    private static string Markup(string component) => RazorComment().Replace(component.Split("@code {")[0], "");

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\bL\[""(?<key>[A-Za-z][A-Za-z.]*)""\]")]
    private static partial Regex TextKey();

    /// <summary>Text between two tags on one line, outside any code (no <c>@</c>, braces, semicolons, parentheses, <c>=</c> or quotes).</summary>
    [GeneratedRegex(@">(?<text>[^<>@{};()=""\n]*[A-Za-z]{2,}[^<>@{};()=""\n]*)<")]
    private static partial Regex MarkupText();

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
