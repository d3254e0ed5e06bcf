using Microsoft.Playwright;

namespace LegalAidReferral.ConsoleMeasure;

/// <summary>
/// The console's first load: a cold browser context opens <c>/</c> signed in, and the work queue is
/// usable when its first section (missed-deadline alerts, rendered after the queue's data arrived)
/// is in the page. Times are from the navigation's start; bytes from <see cref="Transfers"/>.
/// </summary>
public static class FirstLoadMeasure
{
    private const string WorkQueueReady = "section[aria-labelledby=\"q-alerts\"]";
    private const string SignedInShell = "nav.main";

    public static async Task RunAsync(IBrowser browser, Uri origin, string token, int runs, TextWriter output)
    {
        var shell = new Figures("console shell shown (menu)", "ms");
        var usable = new Figures("work queue usable", "ms");
        var bytes = new Figures("transferred, console files", "bytes");
        Transfers? last = null;
        for (var run = 1; run <= runs; run++)
        {
            await using var context = await Browsers.ColdContextAsync(browser, origin, token, SignedInShell, WorkQueueReady);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            shell.Add(await Browsers.SeenAtAsync(page, SignedInShell));
            usable.Add(await Browsers.SeenAtAsync(page, WorkQueueReady));
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            last = await Transfers.ReadAsync(page);
            bytes.Add(last.FileTransfer);
            output.WriteLine($"first load {run}/{runs}: usable at {usable.Median:N0} ms median so far");
        }

        output.WriteLine("First load (cold context each run):");
        output.WriteLine($"  {shell}");
        output.WriteLine($"  {usable}");
        output.WriteLine($"  {bytes}");
        output.WriteLine("Last run's transfers:");
        output.WriteLine(last?.Describe());
    }
}
