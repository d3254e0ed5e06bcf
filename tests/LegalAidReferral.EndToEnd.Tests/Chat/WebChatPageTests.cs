using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LegalAidReferral.EndToEnd.Tests.Chat;

/// <summary>
/// The <c>/chat</c> page (Web Chat's bundle from npm against the host's Direct Line) in Debian's headless
/// Chromium on a phone-sized screen, driven like a person: taps on suggested actions, typed answers.
/// Screenshots are kept in <c>artifacts/</c> beside the test assembly.
/// </summary>
public sealed class WebChatPageTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Chromium = "/usr/bin/chromium";
    private const string BotBubbles = ".webchat__bubble:not(.webchat__bubble--from-user)";

    public static string ArtifactsFolder => Path.Combine(AppContext.BaseDirectory, "artifacts");

    [Fact]
    public async Task The_web_chat_page_completes_an_intake_and_then_a_status_check_with_the_reference_and_code()
    {
        Directory.CreateDirectory(ArtifactsFolder);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        await using var phone = await PhoneAsync(browser, "es-GT");
        var errors = new List<string>();

        var intake = await OpenChatAsync(fixture.Host, phone, errors);
        var created = await ConverseAsync(intake, Script("intake-es.json", []));
        await intake.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsFolder, "webchat-intake.png") });
        var reference = created.Groups["reference"].Value;

        var status = await OpenChatAsync(fixture.Host, phone, errors);
        var told = await ConverseAsync(status, Script("status-es.json", new() { ["{reference}"] = reference, ["{code}"] = created.Groups["code"].Value }));
        await status.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsFolder, "webchat-status.png") });

        Assert.Equal(reference, told.Groups["reference"].Value);
        Assert.True(errors.Count == 0, $"The page logged errors: {string.Join('\n', errors)}");
    }

    [Fact]
    public async Task Over_the_token_limit_of_its_address_the_page_says_so_in_the_browsers_language()
    {
        using var data = new TempFolder();
        await using var host = await StandaloneProcess.StartAsync(data.Path, "--DirectLine:TokensPerAddress", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        await using var phone = await PhoneAsync(browser, "ht-HT");
        var errors = new List<string>();
        await WaitForBotAsync(await OpenChatAsync(host, phone, errors), 0);

        var refused = await OpenChatAsync(host, phone, errors);

        var status = refused.Locator("#status");
        await status.WaitForAsync(new() { Timeout = 20_000 });
        Assert.Matches(@"^Twòp chat louvri sou koneksyon sa a\. Eseye ankò nan 1[45] minit\.$", await status.InnerTextAsync());
        Assert.Equal("ht", await status.GetAttributeAsync("lang"));
    }

    private static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"The Web Chat test needs Debian's Chromium at {Chromium}: apt-get install -y chromium");
        }

        return await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    private static Task<IBrowserContext> PhoneAsync(IBrowser browser, string locale) =>
        browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = locale,
        });

    private static async Task<IPage> OpenChatAsync(StandaloneProcess host, IBrowserContext browser, List<string> errors)
    {
        var page = await browser.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(host.BaseAddress, "/chat").ToString());
        return page;
    }

    /// <summary>Plays the script's steps, each after the bot has answered the one before, and matches its pattern in the bot's answer to the last step.</summary>
    private static async Task<Match> ConverseAsync(IPage page, JsonNode script)
    {
        await WaitForBotAsync(page, 0);
        var before = 0;
        foreach (var step in script["steps"]!.AsArray())
        {
            before = await page.Locator(BotBubbles).CountAsync();
            if (step!["say"] is { } say)
            {
                var input = page.Locator("[data-id='webchat-sendbox-input']");
                await input.FillAsync((string)say!);
                await input.PressAsync("Enter");
            }
            else if (step["choose"]!.GetValueKind() == System.Text.Json.JsonValueKind.Number)
            {
                await page.Locator(".webchat__suggested-action").Filter(new() { Visible = true }).Nth((int)step["choose"]!).ClickAsync();
            }
            else
            {
                // Web Chat may render an action twice while its list changes; the visible one is tapped.
                await page.GetByRole(AriaRole.Button, new() { Name = (string)step["choose"]!, Exact = true }).Filter(new() { Visible = true }).First.ClickAsync();
            }

            await WaitForBotAsync(page, before);
        }

        var answer = string.Join('\n', (await page.Locator(BotBubbles).AllInnerTextsAsync()).Skip(before));
        var match = new Regex((string)script["done"]!).Match(answer);
        Assert.True(match.Success, $"The bot's answer to the last step does not match {script["done"]}: {answer}");
        return match;
    }

    private static Task WaitForBotAsync(IPage page, int before) =>
        page.WaitForFunctionAsync(
            "([selector, before]) => document.querySelectorAll(selector).length > before",
            new object[] { BotBubbles, before },
            new() { Timeout = 20_000 });

    private static JsonNode Script(string name, Dictionary<string, string> values)
    {
        var text = File.ReadAllText(Path.Combine(ChatClients.Folder, "scripts", name));
        foreach (var (placeholder, value) in values)
        {
            text = text.Replace(placeholder, value, StringComparison.Ordinal);
        }

        return JsonNode.Parse(text)!;
    }
}
