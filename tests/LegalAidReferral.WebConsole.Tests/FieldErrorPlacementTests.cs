using System.Net;
using System.Text.RegularExpressions;
using Bunit;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Pages.CaseParts;
using LegalAidReferral.WebConsole.SignIn;
using LegalAidReferral.WebConsole.Time;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>
/// Every input tied to an API field shows that field's error next to it: the input is then
/// <c>aria-describedby</c> its message, which must exist (a select of an enum too, not only text inputs).
/// </summary>
public sealed partial class FieldErrorPlacementTests : ConsoleTestContext
{
    public static TheoryData<string> Forms() =>
        [.. Directory.EnumerateFiles(Repository.ConsoleSources, "*.razor", SearchOption.AllDirectories)
            .Where(f => InputField().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Repository.ConsoleSources, f))];

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_input_tied_to_an_API_field_has_that_field_s_error_next_to_it(string form)
    {
        var markup = File.ReadAllText(Path.Combine(Repository.ConsoleSources, form));
        var errors = FieldErrorOf().Matches(markup).Select(m => m.Groups["field"].Value).ToHashSet();
        var withoutError = InputField().Matches(markup).Select(m => m.Groups["field"].Value).Distinct().Where(f => !errors.Contains(f)).ToList();

        Assert.Equal([], withoutError);
    }

    [Fact]
    public void A_refused_consent_channel_is_shown_at_its_select_which_points_to_the_message()
    {
        Services.AddSingleton<ISignInSession>(new NobodySignedIn());
        Services.AddSingleton(sp => new OfficeDirectory(sp.GetRequiredService<ConsoleApi>()));
        Api.Answer(HttpStatusCode.OK, """{ "items": [], "continuationToken": null }""");
        Api.Answer(HttpStatusCode.BadRequest, """
            { "type": "https://legalaidreferral.example/problems/validation", "status": 400, "title": "The request is invalid.",
              "errors": { "channel": ["The channel is not one of the allowed values."] } }
            """);
        var panel = Render<ConsentsPanel>(p => p.Add(c => c.Context, new CaseContext(SampleCase.Of(), "\"1\"")));

        panel.FindAll("fluent-button")[^1].Click();

        panel.WaitForAssertion(() => Assert.Equal("true", panel.Find("#consent-f-channel").GetAttribute("aria-invalid")));
        var message = panel.Find($"#{panel.Find("#consent-f-channel").GetAttribute("aria-describedby")}");
        Assert.Contains("not one of the allowed values", message.TextContent, StringComparison.Ordinal);
    }

    /// <summary>An input given a field's id and error attributes: <c>FieldIds.For(problem, "field"</c>, or the intake's <c>Attrs("field")</c>.</summary>
    [GeneratedRegex(@"(?:FieldIds\.For\(\w+, |Attrs\()""(?<field>[^""]+)""")]
    private static partial Regex InputField();

    [GeneratedRegex(@"<FieldError[^>]*\bField=""(?<field>[^""@]+)""")]
    private static partial Regex FieldErrorOf();
}
