using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LegalAidReferral.EndToEnd.Tests.Console;

/// <summary>
/// The review pages in a real browser, on the host's synthetic demo data: a regional reviewer opens
/// the review from the menu, filters it, sees the API's numbers in the tiles and tables, and
/// downloads the same filters as CSV. Every page is checked with axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_regional_reviewer_filters_the_review_sees_the_api_s_numbers_and_downloads_the_csv()
    {
        // The months before this one hold only the demo data's synthetic events, so other tests' referrals change nothing here.
        var now = DateTime.UtcNow;
        var from = now.AddMonths(-12).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var to = now.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var page = await browser.SignInAsync(Samples.Reviewer, "es");

        await page.GetByRole(AriaRole.Link, new() { Name = "Revisión del protocolo" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Revisión del cumplimiento del protocolo");
        await Expect(page.Locator("#tile-sent")).ToBeVisibleAsync();
        await Expect(page.Locator("#review-corridors")).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "11-review-es");

        await page.Locator("#review-f-from").FillAsync(from);
        await page.Locator("#review-f-to").FillAsync(to);
        await page.Locator("#review-f-priority").SelectOptionAsync("normal");
        await BrowserFixture.ClickAsync(page, "Mostrar");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/review\\?.*priority=normal"));
        var expected = await ReportAsync($"?from={from}&to={to}&priority=normal");
        var total = expected["summary"]!["total"]!;
        await Expect(page.Locator("#review-scope")).ToContainTextAsync("Los recuentos menores que 5 se suprimen");
        await Expect(Tile(page, "sent")).ToHaveTextAsync(Count(total["sent"]));
        await Expect(Tile(page, "declined")).ToHaveTextAsync(Count(total["declined"]));
        await Expect(Tile(page, "sentWithOverride")).ToHaveTextAsync(Count(total["sentWithOverride"]));
        var months = expected["monthly"]!.AsArray();
        await Expect(page.Locator("#chart-volume table tbody tr")).ToHaveCountAsync(months.Count);
        foreach (var month in months)
        {
            var cell = page.Locator($"#chart-volume td[data-month='{month!["period"]}'][data-indicator=sent]");
            await Expect(cell).ToHaveTextAsync(Count(month["total"]!["sent"]));
        }

        await Expect(page.Locator("#review-by-gender tbody tr")).ToHaveCountAsync(4);
        var corridors = expected["summary"]!["byCorridor"]!.AsArray().Select(c => c!.AsObject())
            .Where(c => !(Zero(c["total"]!["sent"]) && Zero(c["total"]!["overdueNow"])))
            .ToArray();
        Assert.NotEmpty(corridors);
        await Expect(page.Locator("#review-corridors tbody tr")).ToHaveCountAsync(corridors.Length);
        foreach (var corridor in corridors)
        {
            var sent = page.Locator($"#review-corridors tr[data-corridor='{corridor["corridor"]}'] [data-indicator=sent]");
            await Expect(sent).ToHaveTextAsync(Count(corridor["total"]!["sent"]));
        }

        await BrowserFixture.CheckPageAsync(page, "12-review-filtered-es");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#review-csv").ClickAsync());
        Assert.Equal($"adherence-{from}-{to}.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("period,breakdown,category,sent,", csv, StringComparison.Ordinal);
        Assert.Contains($"all,total,all,{total["sent"]},", csv, StringComparison.Ordinal);
        Assert.Contains($"all,corridor,{corridors[0]["corridor"]},", csv, StringComparison.Ordinal);
        browser.AssertTheConsoleKeptTheContract();
    }

    private async Task<JsonObject> ReportAsync(string query)
    {
        var reviewer = await ApiSession.SignInAsync(browser.Host.CreateClient(), Samples.Reviewer);
        var response = await reviewer.SendAsync(HttpMethod.Get, "/api/review/adherence" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ApiSession.ReadObjectAsync(response);
    }

    private static ILocator Tile(IPage page, string indicator) => page.Locator($"ul.tiles dd[data-indicator={indicator}]");

    /// <summary>A count as the Spanish page shows it: suppressed when the API left it out.</summary>
    private static string Count(JsonNode? value) =>
        value is null ? "suprimido" : value.GetValue<long>().ToString("N0", CultureInfo.GetCultureInfo("es"));

    private static bool Zero(JsonNode? count) => count is not null && count.GetValue<long>() == 0;

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
