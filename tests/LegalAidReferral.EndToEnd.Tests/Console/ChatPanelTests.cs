using LegalAidReferral.EndToEnd.Tests.Chat;
using Microsoft.Playwright;
using static LegalAidReferral.EndToEnd.Tests.Console.Browsing;

namespace LegalAidReferral.EndToEnd.Tests.Console;

/// <summary>
/// The case page's chat panel in a real browser, in English: a client takes in a case through the
/// local Direct Line and asks for a person; a defender of the office finds the hand-off in the work
/// queue, reads the client's message on the case page, replies (the client receives it in the chat) and
/// ends the hand-off (the bot answers again). Every page is checked with axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChatPanelTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_defender_replies_to_a_chat_hand_off_and_ends_it_and_the_client_reads_both_in_the_chat()
    {
        var client = await ChatPerson.StartAsync(browser.Host.CreateClient(), "es-GT");
        var reference = (await client.FollowAsync("intake-es.json")).Groups["reference"].Value;
        await client.SayAsync("persona");
        Assert.Contains("Listo. Una persona de la oficina le escribirá aquí.", await client.ChooseAsync("Sí"), StringComparison.Ordinal);
        Assert.Empty(await client.SayAsync("¿Cuándo es mi audiencia?"));
        var office = await ChatCases.OfficeOfAsync(browser.Host, reference);

        var page = await browser.SignInAsync($"{office}-defender", "en");
        var handOff = page.Locator("section:has(#q-handoffs) a").Filter(new() { HasTextString = reference });
        await RefreshUntilAsync(() => page.ReloadAsync(), handOff, "the hand-off in the work queue");
        await BrowserFixture.CheckPageAsync(page, "11-work-queue-hand-off-en");
        await handOff.ClickAsync();

        var chat = page.Locator("section:has(#s-chat)");
        await Expect(chat).ToContainTextAsync("The client asked for a person.");
        await Expect(chat.Locator("li.chat-message.client")).ToContainTextAsync("¿Cuándo es mi audiencia?");
        await BrowserFixture.CheckPageAsync(page, "12-case-chat-hand-off-en");

        await page.Locator("#chat-reply").FillAsync("Su audiencia es el jueves a las 9:00.");
        await page.Locator("#chat-send").ClickAsync();
        await Expect(page.Locator("#chat-status")).ToHaveTextAsync("Sent to the client.");
        await Expect(chat.Locator("li.chat-message.staff")).ToContainTextAsync("Su audiencia es el jueves a las 9:00.");
        Assert.Contains((await client.ReadAsync()).Select(m => (string?)m["text"]), t => t == "Mensaje de la oficina: Su audiencia es el jueves a las 9:00.");

        await page.Locator("#chat-close").ClickAsync();
        await Expect(page.Locator("#chat-status")).ToHaveTextAsync("Conversation ended. The bot answers the client again.");
        await Expect(chat).ToContainTextAsync("Nobody is waiting: the bot answers the client.");
        await Expect(page.Locator("#chat-close")).ToHaveCountAsync(0);
        await BrowserFixture.CheckPageAsync(page, "13-case-chat-closed-en");
        Assert.Contains((await client.ReadAsync()).Select(m => (string?)m["text"]), t => t?.Contains("terminó la conversación", StringComparison.Ordinal) == true);
        Assert.NotEmpty(await client.SayAsync("hola"));

        await page.GotoAsync("/");
        await Expect(page.Locator("section:has(#q-handoffs)")).ToBeVisibleAsync();
        await Expect(handOff).ToHaveCountAsync(0);
        browser.AssertTheConsoleKeptTheContract();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
