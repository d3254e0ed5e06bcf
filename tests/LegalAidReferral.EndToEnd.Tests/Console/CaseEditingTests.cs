using System.Net;
using Microsoft.Playwright;

namespace LegalAidReferral.EndToEnd.Tests.Console;

/// <summary>
/// The console's edits in a real browser: a supervisor's triage override, a stale correction in two
/// tabs, and an office admin's policy edit refused field by field. Every page is checked with axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseEditingTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_supervisor_overrides_triage_with_a_reason()
    {
        var caseId = await TriagedCaseAsync();
        var page = await browser.SignInAsync("gt-idpp-guatemala-supervisor", "en");
        await page.GotoAsync($"/cases/{caseId}");

        await page.Locator("#triage-f-decision").SelectOptionAsync("eligible");
        await page.Locator("#triage-f-priority").SelectOptionAsync("critical");
        await page.Locator("#triage-f-reason").FillAsync("Hearing moved forward to this week.");
        await BrowserFixture.ClickAsync(page, "Override");

        await Expect(page.Locator("section:has(#s-triage)")).ToContainTextAsync("Overridden by gt-idpp-guatemala-supervisor");
        await Expect(page.Locator("section:has(#s-triage) .badge")).ToHaveTextAsync("Critical");
        await BrowserFixture.CheckPageAsync(page, "07-case-override-en");
        browser.AssertTheConsoleKeptTheContract();
    }

    [Fact]
    public async Task A_stale_correction_says_what_someone_else_changed_and_overwrites_nothing()
    {
        var caseId = await TriagedCaseAsync();
        var first = await browser.SignInAsync("gt-idpp-guatemala-defender", "fr");
        var second = await browser.SignInAsync("gt-idpp-guatemala-defender", "fr");
        await first.GotoAsync($"/cases/{caseId}");
        await second.GotoAsync($"/cases/{caseId}");
        await Expect(second.Locator("#edit-f-vulnerabilityNotes")).ToBeVisibleAsync();

        await first.Locator("#edit-f-vulnerabilityNotes").FillAsync("Première correction.");
        await BrowserFixture.ClickAsync(first, "Enregistrer les modifications");
        await Expect(first.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Enregistré." })).ToBeVisibleAsync();

        await second.Locator("#edit-f-vulnerabilityNotes").FillAsync("Seconde correction.");
        await BrowserFixture.ClickAsync(second, "Enregistrer les modifications");

        var stale = second.Locator("section:has(#s-edit) [role=alert]");
        await Expect(stale).ToContainTextAsync("Quelqu'un d'autre a modifié ce dossier");
        await Expect(stale).ToContainTextAsync("vulnerabilityNotes");
        await Expect(second.Locator("#edit-f-vulnerabilityNotes")).ToHaveValueAsync("Seconde correction.");
        await Expect(second.Locator("#case-notice")).ToBeEmptyAsync();
        await Expect(second.Locator("section:has(#s-household)")).ToContainTextAsync("Première correction.");
        await BrowserFixture.CheckPageAsync(second, "08-case-stale-edit-fr");
        browser.AssertTheConsoleKeptTheContract();
    }

    [Fact]
    public async Task An_office_admin_sees_the_policy_s_invalid_field_next_to_it()
    {
        var page = await browser.SignInAsync("gt-idpp-guatemala-admin", "pt");
        await page.GotoAsync("/admin");
        var maxOffices = page.Locator("#f-referral-maxOffices");
        await maxOffices.FillAsync("0");
        await maxOffices.PressAsync("Tab");

        await BrowserFixture.ClickAsync(page, "Salvar a política");

        await Expect(page.Locator("#e-referral-maxOffices")).ToBeVisibleAsync();
        await Expect(maxOffices).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("section:has(#s-policy) [role=alert]")).ToContainTextAsync("Alguns campos precisam ser corrigidos.");
        await BrowserFixture.CheckPageAsync(page, "09-admin-validation-pt");
        browser.AssertTheConsoleKeptTheContract();
    }

    [Fact]
    public async Task A_name_search_finds_the_case_and_never_puts_the_name_in_a_url()
    {
        const string name = "Rosalinda Búsqueda Ficticia";
        await TriagedCaseAsync(name);
        var page = await browser.SignInAsync("gt-idpp-guatemala-defender", "ht");
        var addresses = new List<string>();
        page.Request += (_, request) => addresses.Add(request.Url);
        await page.GotoAsync("/cases");

        await page.Locator("#q").FillAsync("rosalinda busqueda");
        await BrowserFixture.ClickAsync(page, "Chèche");

        await Expect(page.Locator("main table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("main table tbody")).ToContainTextAsync(name);
        Assert.DoesNotContain(addresses, a => a.Contains("rosalinda", StringComparison.OrdinalIgnoreCase));
        await BrowserFixture.CheckPageAsync(page, "10-cases-search-ht");
        browser.AssertTheConsoleKeptTheContract();
    }

    /// <summary>A case of the Guatemala City office, conflict-checked and triaged, made through the API.</summary>
    private async Task<string> TriagedCaseAsync(string name = Samples.ClientName)
    {
        var api = await ApiSession.SignInAsync(browser.Host.CreateClient(), "gt-idpp-guatemala-supervisor");
        var created = await ApiSession.ReadObjectAsync(await api.SendAsync(HttpMethod.Post, "/api/cases", Samples.Intake(name)));
        var id = created["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(HttpMethod.Post, $"/api/cases/{id}/conflict-check")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(HttpMethod.Put, $"/api/cases/{id}/conflict-check/outcome", new { outcome = "none" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(HttpMethod.Post, $"/api/cases/{id}/triage")).StatusCode);
        return id;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
