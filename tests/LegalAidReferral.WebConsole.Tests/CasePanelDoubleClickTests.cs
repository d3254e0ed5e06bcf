using System.Net;
using Bunit;
using LegalAidReferral.WebConsole.Pages.CaseParts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>
/// The case page's other buttons, found in a hostile pass: a double click ran the conflict check or triage
/// twice, and read the history or downloaded a document twice (each read is audited, so twice in the history);
/// showing the history removed the focused button without moving the focus; a file chosen while another was
/// still uploading was uploaded next to it.
/// </summary>
public sealed class CasePanelDoubleClickTests : QueueTestContext
{
    private static readonly string CasePath = $"api/cases/{SampleCase.Id}";

    [Fact]
    public void A_double_click_runs_the_conflict_check_once()
    {
        var answer = new TaskCompletionSource();
        Routes.Route("POST", $"{CasePath}/conflict-check", $$"""{ "caseId": "{{SampleCase.Id}}", "checkedAt": "2026-12-01T12:00:00Z", "candidates": [], "outcome": null }""", after: answer.Task);
        var panel = Render<ConflictPanel>(p => p.Add(c => c.Context, new CaseContext(SampleCase.Of(), "\"1\"")));

        DoubleClick.WhileOnItsWay(panel, () => panel.Find("#conflict-run"), answer);

        panel.WaitForAssertion(() => Assert.Null(panel.Find("#conflict-run").GetAttribute("disabled")));
        Assert.Single(Routes.Requests, r => r.Method == "POST");
    }

    [Fact]
    public void A_double_click_runs_triage_once()
    {
        var answer = new TaskCompletionSource();
        Routes.Route("POST", $"{CasePath}/triage", """{ "status": 409, "title": "Conflict." }""", HttpStatusCode.Conflict, after: answer.Task);
        var panel = Render<TriagePanel>(p => p.Add(c => c.Context, new CaseContext(SampleCase.Of(), "\"1\"")));

        DoubleClick.WhileOnItsWay(panel, () => panel.Find("#triage-run"), answer);

        panel.WaitForAssertion(() => Assert.Null(panel.Find("#triage-run").GetAttribute("disabled")));
        Assert.Single(Routes.Requests, r => r.Method == "POST");
    }

    [Fact]
    public void A_double_click_on_show_history_reads_it_once()
    {
        var answer = new TaskCompletionSource();
        Routes.Route("GET", $"{CasePath}/history", $$"""{ "caseId": "{{SampleCase.Id}}", "items": [], "continuationToken": null }""", after: answer.Task);
        var panel = Render<HistoryPanel>(p => p.Add(c => c.CaseId, SampleCase.Id).Add(c => c.Version, 1));

        DoubleClick.WhileOnItsWay(panel, () => panel.Find("#history-show"), answer);

        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("#history-show")));
        Assert.Single(Routes.Requests);
    }

    [Fact]
    public void Showing_the_history_moves_the_focus_from_its_vanished_button_to_the_history_heading()
    {
        Routes.Route("GET", $"{CasePath}/history", $$"""{ "caseId": "{{SampleCase.Id}}", "items": [], "continuationToken": null }""");
        var panel = Render<HistoryPanel>(p => p.Add(c => c.CaseId, SampleCase.Id).Add(c => c.Version, 1));

        panel.Find("#history-show").Click();

        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("#history-show")));
        // bUnit leaves the reference id of an element of the first render empty: the heading is the panel's one focus target.
        Assert.NotEmpty(((ElementReference)JSInterop.VerifyFocusAsyncInvoke().Arguments[0]!).Id);
        Assert.Equal("-1", panel.Find("#s-history").GetAttribute("tabindex"));
    }

    [Fact]
    public void A_double_click_on_a_document_downloads_it_once()
    {
        var answer = new TaskCompletionSource();
        Routes.Route("GET", $"{CasePath}/documents/doc-7", "%PDF-1.7", after: answer.Task);
        Routes.Route("GET", $"{CasePath}/documents", $$"""
            { "items": [ { "id": "doc-7", "caseId": "{{SampleCase.Id}}", "fileName": "signed-consent.pdf", "contentType": "application/pdf", "sizeBytes": 8,
              "uploadedBy": "gt-idpp-guatemala-defender", "uploadedAt": "2026-12-01T12:00:00Z" } ], "continuationToken": null }
            """);
        var panel = Render<DocumentsPanel>(p => p.Add(c => c.CaseId, SampleCase.Id));
        panel.WaitForElement("button.linklike");

        DoubleClick.WhileOnItsWay(panel, () => panel.Find("button.linklike"), answer);

        panel.WaitForAssertion(() => Assert.Null(panel.Find("button.linklike").GetAttribute("disabled")));
        Assert.Single(Routes.Requests, r => r.Path == $"{CasePath}/documents/doc-7");
    }

    [Fact]
    public async Task A_file_chosen_while_another_is_uploading_is_not_sent()
    {
        var answer = new TaskCompletionSource();
        Routes.Route("GET", $"{CasePath}/documents", """{ "items": [], "continuationToken": null }""");
        Routes.Route("POST", $"{CasePath}/documents", $$"""
            { "id": "doc-8", "caseId": "{{SampleCase.Id}}", "fileName": "first.pdf", "contentType": "application/pdf", "sizeBytes": 4,
              "uploadedBy": "gt-idpp-guatemala-defender", "uploadedAt": "2026-12-01T12:00:00Z" }
            """, HttpStatusCode.Created, after: answer.Task);
        var panel = Render<DocumentsPanel>(p => p.Add(c => c.CaseId, SampleCase.Id));
        panel.WaitForAssertion(() => Assert.Single(Routes.Requests));

        var input = panel.FindComponent<InputFile>();
        // bUnit's UploadFiles returns when the change handler has, so the first upload runs beside the test.
        var first = Task.Run(() => input.UploadFiles(InputFileContent.CreateFromText("%PDF", "first.pdf", contentType: "application/pdf")));
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("#f-file").GetAttribute("disabled")));
        input.UploadFiles(InputFileContent.CreateFromText("%PDF", "second.pdf", contentType: "application/pdf"));
        answer.SetResult();
        await first;

        panel.WaitForAssertion(() => Assert.Null(panel.Find("#f-file").GetAttribute("disabled")));
        Assert.Single(Routes.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_conflict_check_that_threw_leaves_its_button_usable()
    {
        Routes.FailsOnce("POST", $"{CasePath}/conflict-check", new InvalidOperationException("The token request failed."));
        var panel = Render<ConflictPanel>(p => p.Add(c => c.Context, new CaseContext(SampleCase.Of(), "\"1\"")));

        await Assert.ThrowsAsync<InvalidOperationException>(() => panel.Find("#conflict-run").ClickAsync(new()));

        Assert.Null(panel.Find("#conflict-run").GetAttribute("disabled"));
    }
}
