using System.Text.Json;
using Microsoft.Playwright;

namespace LegalAidReferral.ConsoleMeasure;

/// <summary>
/// Debian's headless Chromium (as the browser tests launch it), and cold browser contexts: each new
/// context has an empty HTTP cache and empty storage, and holds a development token in its session
/// storage, so the console opens signed in, as a tab of a signed-in user does.
/// </summary>
public static class Browsers
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

    /// <summary>
    /// A cold context whose pages record, in <c>window.__seen</c>, the time (ms since navigation start)
    /// at which each of <paramref name="watched"/> (CSS selectors) first matched.
    /// </summary>
    public static async Task<IBrowserContext> ColdContextAsync(IBrowser browser, Uri origin, string token, params string[] watched)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = origin.ToString(),
            Locale = "es",
            TimezoneId = "UTC",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        await context.AddInitScriptAsync($$"""
            (() => {
              performance.setResourceTimingBufferSize(5000);
              sessionStorage.setItem({{JsonSerializer.Serialize(DevToken.StorageKey)}}, {{JsonSerializer.Serialize(token)}});
              const watched = {{JsonSerializer.Serialize(watched)}};
              window.__seen = {};
              const observer = new MutationObserver(() => {
                for (const selector of watched) {
                  if (!(selector in window.__seen) && document.querySelector(selector)) {
                    window.__seen[selector] = performance.now();
                  }
                }
                if (watched.every(selector => selector in window.__seen)) {
                  observer.disconnect();
                }
              });
              observer.observe(document, { childList: true, subtree: true });
            })();
            """);
        return context;
    }

    /// <summary>Waits until <paramref name="selector"/> was seen (see <see cref="ColdContextAsync"/>) and returns when, in ms since navigation start.</summary>
    public static async Task<double> SeenAtAsync(IPage page, string selector)
    {
        var argument = JsonSerializer.Serialize(selector);
        await page.WaitForFunctionAsync($"() => {argument} in window.__seen", null, new PageWaitForFunctionOptions { PollingInterval = 50 });
        return await page.EvaluateAsync<double>($"() => window.__seen[{argument}]");
    }
}
