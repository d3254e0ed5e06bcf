using System.Text.Json;
using Microsoft.Playwright;

namespace LegalAidReferral.ConsoleMeasure;

/// <summary>
/// The case list (<c>/cases</c>) of an office with many cases, in Chromium: a cold open until the first
/// page's rows are shown, then, in the same tab, "next page" at 25 and at 100 cases a page, the switch to
/// 100 a page, and name searches (one match, and a surname every seeded case shares). Each step is
/// timed in the page from the click until the table's rows changed (the console keeps the old rows until
/// the new page arrives), and the list must never show more rows than a page holds.
/// </summary>
public static class CaseListMeasure
{
    private const string Rows = "main table tbody tr";
    private const string NextButton = "main .actions button:nth-of-type(2)";
    private const string SearchButton = "main form[role=search] button[type=submit]";

    /// <summary>Runs the step in the page and returns the milliseconds from its click until the rows changed.</summary>
    private const string TimedStep = """
        async ({ click, query, size }) => {
          const marker = () => {
            const rows = document.querySelectorAll('main table tbody tr');
            return `${rows.length}|${rows[0]?.textContent}|${rows[rows.length - 1]?.textContent}`;
          };
          const before = marker();
          const changed = new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('the rows did not change within 120 s')), 120000);
            const observer = new MutationObserver(() => {
              if (marker() !== before) { observer.disconnect(); clearTimeout(timer); resolve(); }
            });
            observer.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true });
          });
          if (query !== null) {
            const input = document.getElementById('q');
            input.value = query;
            input.dispatchEvent(new Event('change', { bubbles: true }));
            await new Promise(resolve => setTimeout(resolve, 0));
          }
          const started = performance.now();
          if (size !== null) {
            const select = document.getElementById('size');
            select.value = size;
            select.dispatchEvent(new Event('change', { bubbles: true }));
          } else {
            document.querySelector(click).click();
          }
          await changed;
          return performance.now() - started;
        }
        """;

    public static async Task RunAsync(IBrowser browser, Uri origin, string token, int seeded, int runs, TextWriter output)
    {
        var open = new Figures("cold open of /cases until the first 25 rows", "ms");
        var next25 = new Figures("next page, 25 a page", "ms");
        var size100 = new Figures("switch to 100 a page (first page of 100)", "ms");
        var next100 = new Figures("next page, 100 a page", "ms");
        var oneMatch = new Figures("name search, one match", "ms");
        var everyCase = new Figures($"name search \"{CaseSeeder.Surname}\" (every seeded case), first page", "ms");
        for (var run = 1; run <= runs; run++)
        {
            await using var context = await Browsers.ColdContextAsync(browser, origin, token, Rows);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/cases", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            open.Add(await Browsers.SeenAtAsync(page, Rows));
            await ExpectRowsAsync(page, 25);

            for (var i = 0; i < 5; i++)
            {
                next25.Add(await StepAsync(page, click: NextButton));
                await ExpectRowsAsync(page, 25);
            }

            size100.Add(await StepAsync(page, size: "100"));
            await ExpectRowsAsync(page, 100);
            for (var i = 0; i < 5; i++)
            {
                next100.Add(await StepAsync(page, click: NextButton));
                await ExpectRowsAsync(page, 100);
            }

            for (var i = 0; i < 3; i++)
            {
                oneMatch.Add(await StepAsync(page, click: SearchButton, query: CaseSeeder.NameOf((((run * 3) + i) * 997) % seeded)));
                await ExpectRowsAsync(page, 1);
            }

            everyCase.Add(await StepAsync(page, click: SearchButton, query: CaseSeeder.Surname));
            await ExpectRowsAsync(page, 100);
            output.WriteLine($"case list {run}/{runs} done");
        }

        output.WriteLine($"Case list with {seeded:N0} seeded cases in the office ({runs} cold tabs):");
        foreach (var figures in new[] { open, next25, size100, next100, oneMatch, everyCase })
        {
            output.WriteLine($"  {figures}");
        }
    }

    private static Task<double> StepAsync(IPage page, string? click = null, string? query = null, string? size = null) =>
        page.EvaluateAsync<double>(TimedStep, new { click, query, size });

    /// <summary>The list is paged: exactly a page of rows (or the one match) is in the page, never the office's every case.</summary>
    private static async Task ExpectRowsAsync(IPage page, int expected)
    {
        var count = await page.Locator(Rows).CountAsync();
        if (count != expected)
        {
            throw new InvalidOperationException($"The case list shows {count} rows where {expected} were expected ({JsonSerializer.Serialize(page.Url)}).");
        }
    }
}
