using System.Net;
using System.Text.Json;
using Bunit;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Pages.AdminParts;
using LegalAidReferral.WebConsole.Pages.CaseParts;
using LegalAidReferral.WebConsole.SignIn;
using LegalAidReferral.WebConsole.Time;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>
/// Saves guarded by an ETag (the protocol settings, a case's status, a correction): a stale save (412)
/// reads the current version, so the next save can succeed instead of failing for ever, and a double
/// click sends one request instead of reporting the first as someone else's change.
/// </summary>
public sealed class StaleSaveTests : ConsoleTestContext
{
    private const string PreconditionFailed = """{ "type": "https://legalaidreferral.example/problems/precondition-failed", "status": 412, "title": "The resource has changed." }""";

    public StaleSaveTests()
    {
        Services.AddSingleton<ISignInSession>(new NobodySignedIn());
        Services.AddSingleton(sp => new OfficeDirectory(sp.GetRequiredService<ConsoleApi>()));
    }

    [Fact]
    public void A_stale_protocol_save_names_what_changed_keeps_the_entries_and_the_next_save_carries_the_current_ETag()
    {
        Api.Answer(HttpStatusCode.OK, Protocol(version: 1, weekend: """["saturday", "sunday"]"""), "\"1\"");
        Api.Answer(HttpStatusCode.PreconditionFailed, PreconditionFailed);
        Api.Answer(HttpStatusCode.OK, Protocol(version: 2, weekend: """["sunday"]"""), "\"2\"");
        Api.Answer(HttpStatusCode.OK, Protocol(version: 3, weekend: """["sunday"]"""), "\"3\"");
        var form = Render<ProtocolEditor>(p => p.Add(c => c.OfficeId, "gt-idpp-guatemala"));
        form.WaitForAssertion(() => form.Find("#f-deadlines-decide-businessDays"));

        form.Find("#f-deadlines-decide-businessDays").Change("7");
        form.Find("fluent-button").Click();

        form.WaitForAssertion(() => Assert.Contains("version 2", form.Find("#protocol-stale").TextContent, StringComparison.Ordinal));
        Assert.Equal(["weekend"], form.FindAll("#protocol-stale li").Select(li => li.TextContent.Trim()));
        Assert.Equal("7", form.Find("#f-deadlines-decide-businessDays").GetAttribute("value"));

        form.Find("fluent-button").Click();

        form.WaitForAssertion(() => Assert.Equal("Saved.", form.Find("[role=status]").TextContent.Trim()));
        var puts = Api.Requests.Where(r => r.Method == HttpMethod.Put).ToList();
        Assert.Equal(["\"1\"", "\"2\""], puts.Select(r => r.IfMatch));
        Assert.Equal(7, JsonDocument.Parse(puts[1].Body!).RootElement.GetProperty("deadlines").GetProperty("decide").GetProperty("businessDays").GetInt32());
    }

    [Fact]
    public void A_second_click_on_the_protocol_save_while_it_is_on_its_way_sends_nothing()
    {
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Api.Answer(HttpStatusCode.OK, Protocol(version: 1, weekend: "[]"), "\"1\"");
        Api.Answer(HttpStatusCode.OK, Protocol(version: 2, weekend: "[]"), "\"2\"", answer.Task);
        var form = Render<ProtocolEditor>(p => p.Add(c => c.OfficeId, "gt-idpp-guatemala"));
        form.WaitForAssertion(() => form.Find("fluent-button"));

        DoubleClick.WhileOnItsWay(form, () => form.Find("fluent-button"), answer);

        form.WaitForAssertion(() => Assert.Equal("Saved.", form.Find("[role=status]").TextContent.Trim()));
        Assert.Single(Api.Requests, r => r.Method == HttpMethod.Put);
    }

    [Fact]
    public void A_stale_status_change_reads_the_case_again_so_the_next_change_carries_the_current_ETag()
    {
        var current = SampleCase.Of(version: 2, allowedTransitions: ["triaged", "closed"]);
        Api.Answer(HttpStatusCode.PreconditionFailed, PreconditionFailed);
        Api.Answer(HttpStatusCode.OK, JsonSerializer.Serialize(current, ApiJson.Options), "\"2\"");
        CaseContext? replaced = null;
        var panel = Render<StatusPanel>(p => p
            .Add(c => c.Context, new CaseContext(SampleCase.Of(allowedTransitions: ["triaged", "closed"]), "\"1\""))
            .Add(c => c.Replaced, c => replaced = c));

        panel.Find("fluent-button").Click();

        panel.WaitForAssertion(() => Assert.NotNull(replaced));
        Assert.Equal(("\"2\"", 2L), (replaced!.ETag, replaced.Case.Version));
        Assert.Contains("Someone else changed this", panel.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["/api/cases/" + SampleCase.Id + "/status", "/api/cases/" + SampleCase.Id], Api.Requests.Select(r => r.Path));
    }

    [Fact]
    public void A_second_click_on_a_status_change_while_it_is_on_its_way_sends_nothing()
    {
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Api.Answer(HttpStatusCode.OK, JsonSerializer.Serialize(SampleCase.Of(version: 2), ApiJson.Options), "\"2\"", answer.Task);
        var changed = 0;
        var panel = Render<StatusPanel>(p => p
            .Add(c => c.Context, new CaseContext(SampleCase.Of(allowedTransitions: ["triaged"]), "\"1\""))
            .Add(c => c.Changed, _ => changed++));

        DoubleClick.WhileOnItsWay(panel, () => panel.Find("fluent-button"), answer);

        panel.WaitForAssertion(() => Assert.Equal(1, changed));
        Assert.Single(Api.Requests);
    }

    [Fact]
    public void A_second_click_on_a_correction_while_it_is_on_its_way_sends_nothing_and_reports_no_stale_edit()
    {
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Api.Answer(HttpStatusCode.OK, JsonSerializer.Serialize(SampleCase.Of(version: 2), ApiJson.Options), "\"2\"", answer.Task);
        var changed = 0;
        var panel = Render<CaseEdit>(p => p
            .Add(c => c.Context, new CaseContext(SampleCase.Of(), "\"1\""))
            .Add(c => c.Changed, _ => changed++));

        DoubleClick.WhileOnItsWay(panel, () => panel.Find("fluent-button"), answer);

        panel.WaitForAssertion(() => Assert.Equal(1, changed));
        Assert.Single(Api.Requests);
        Assert.Empty(panel.FindAll("[role=alert]"));
    }

    private static string Protocol(int version, string weekend) => $$"""
        { "officeId": "gt-idpp-guatemala", "version": {{version}}, "weekend": {{weekend}}, "holidays": [],
          "deadlines": { "acknowledge": { "businessDays": 2, "criticalHours": 24 }, "decide": { "businessDays": 5, "criticalHours": 48 },
            "firstContact": { "businessDays": 3, "criticalHours": 24 }, "outcomeReport": { "days": 30, "repeatEveryDays": 30 } },
          "notSuccessfulReasons": ["unreachable"], "updatedAt": null, "updatedBy": null }
        """;
}
