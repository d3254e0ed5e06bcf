using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LegalAidReferral.EndToEnd.Tests.Console;

/// <summary>
/// One standalone host (development sign-in and demo data on) and Debian's headless Chromium, shared
/// by the browser tests (one collection, so they do not compete for the machine). Each test opens its
/// own browser contexts (one per signed-in person).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private readonly TempFolder _data = new();
    private IPlaywright? _playwright;
    private ContractRoute _contract = null!;

    public StandaloneProcess Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where each page's screenshot is kept: TestResults/console-screenshots under the repository root.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(StandaloneProcess.RepositoryRoot(), "TestResults", "console-screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {ChromiumPath}: apt-get install -y chromium (Playwright's own browser download cannot be used here).");
        }

        Host = await StandaloneProcess.StartAsync(_data.Path);
        _contract = new ContractRoute(Host.BaseAddress);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    /// <summary>A new browser context whose browser language is <paramref name="locale"/>, signed in as <paramref name="userId"/> through the development user picker.</summary>
    public Task<IPage> SignInAsync(string userId, string locale) => SignInAsync(Host, _contract, userId, locale);

    /// <summary>As <see cref="SignInAsync(string, string)"/>, on a host of the test's own (started with other options), its calls checked by <paramref name="contract"/>.</summary>
    public async Task<IPage> SignInAsync(StandaloneProcess host, ContractRoute contract, string userId, string locale)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(contract);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            Locale = locale,
            TimezoneId = "UTC",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // A cold start of the console downloads and starts the .NET runtime: generous on a busy machine.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(90_000);
        await contract.AttachAsync(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.Locator("#dev-user").SelectOptionAsync(userId);
        await ClickAsync(page, Texts.SignIn[locale]);
        await page.Locator("nav.main").WaitForAsync();
        return page;
    }

    /// <summary>Clicks the button (a Fluent UI button or a plain one) whose text is <paramref name="text"/>.</summary>
    public static Task ClickAsync(IPage page, string text) =>
        page.Locator("fluent-button, button").Filter(new() { HasTextString = text }).First.ClickAsync();

    /// <summary>Keeps a full-page screenshot of the page and asserts that axe finds no serious or critical violation on it.</summary>
    public static async Task CheckPageAsync(IPage page, string name)
    {
        await KeepScreenshotAsync(page, name);
        var results = await page.RunAxe();
        var severe = results.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(severe.Count == 0, $"Accessibility violations on {name}:\n{string.Join('\n', severe)}");
    }

    /// <summary>Every API call the console made in this fixture's browsers kept to openapi.json (see <see cref="ContractRoute"/>).</summary>
    public void AssertTheConsoleKeptTheContract() =>
        Assert.True(_contract.Violations.IsEmpty, $"The console broke the API contract:\n{string.Join('\n', _contract.Violations)}");

    public static Task KeepScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
