using System.Net;
using System.Text.Json;
using Bunit;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Pages.CaseParts;

namespace LegalAidReferral.WebConsole.Tests;

public sealed class CaseEditTests : ConsoleTestContext
{
    [Fact]
    public void A_stale_correction_names_what_changed_keeps_the_typing_and_saves_nothing()
    {
        var mine = Case(version: 1, notes: "Original notes.", hearing: "2026-12-02");
        var theirs = Case(version: 2, notes: "Their notes.", hearing: "2026-12-02");
        Api.Answer(HttpStatusCode.PreconditionFailed, """{ "type": "https://legalaidreferral.example/problems/precondition-failed", "status": 412, "title": "The resource has changed." }""");
        Api.Answer(HttpStatusCode.OK, JsonSerializer.Serialize(theirs, ApiJson.Options));
        CaseContext? replaced = null;
        var saved = false;
        var page = Render<CaseEdit>(p => p
            .Add(c => c.Context, new CaseContext(mine, "\"1\""))
            .Add(c => c.Changed, _ => saved = true)
            .Add(c => c.Replaced, c => replaced = c));

        page.Find("#edit-f-vulnerabilityNotes").Change("My notes.");
        page.Find("fluent-button").Click();

        page.WaitForAssertion(() => Assert.Contains("Someone else changed this case", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal(["vulnerabilityNotes"], page.FindAll("[role=alert] li").Select(li => li.TextContent.Trim()));
        Assert.Equal("My notes.", page.Find("#edit-f-vulnerabilityNotes").GetAttribute("value"));
        Assert.False(saved);
        Assert.Equal(2, replaced!.Case.Version);
        Assert.Equal("\"1\"", Assert.Single(Api.Requests, r => r.Method == HttpMethod.Patch).IfMatch);
    }

    private static Case Case(long version, string notes, string hearing) => new(
        "0193a5c0-0000-7000-8000-000000000001", "GT-2026-000001", "gt-idpp-guatemala", "staff", "intake", null, false,
        new Client("Ana Ficticia", null, null, null, null, null, null, null, null, null), null, null, notes,
        [new LegalIssue("asylum", null)], new KeyDates(null, hearing, null), null, [], [], null, ["closed"],
        DateTimeOffset.UnixEpoch, "gt-idpp-guatemala-defender", DateTimeOffset.UnixEpoch, version, null);
}
