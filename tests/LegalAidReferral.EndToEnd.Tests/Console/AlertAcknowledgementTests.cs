using System.Net;
using System.Text.Json.Nodes;
using LegalAidReferral.EndToEnd.Tests.Chat;
using Microsoft.Playwright;
using static LegalAidReferral.EndToEnd.Tests.Console.Browsing;

namespace LegalAidReferral.EndToEnd.Tests.Console;

/// <summary>
/// The work queue's acknowledge button and its confirmation in a real browser, in Portuguese, with the
/// keyboard only: a client asks through the chat for their data to be erased; a defender of the office
/// opens the confirmation, declines it (focus back on the button), confirms it, and the request is gone
/// from the queue after a reload and from the API's alerts, and the case's history records it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AlertAcknowledgementTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_erasure_request_is_acknowledged_with_the_keyboard_after_its_confirmation_and_leaves_the_queue_and_the_api()
    {
        var client = await ChatPerson.StartAsync(browser.Host.CreateClient(), "es-GT");
        var reference = (await client.FollowAsync("intake-es.json")).Groups["reference"].Value;
        await client.SayAsync("mi caso");
        await client.ChooseAsync("Borrar mis datos");
        Assert.Contains("Recibimos su pedido.", await client.ChooseAsync("Sí"), StringComparison.Ordinal);
        var office = await ChatCases.OfficeOfAsync(browser.Host, reference);
        var staff = await ApiSession.SignInAsync(browser.Host.CreateClient(), $"{office}-defender");
        var alert = Assert.Single(await ErasureAlertsAsync(staff, reference));
        var id = alert["id"]!.GetValue<string>();

        var page = await browser.SignInAsync($"{office}-defender", "pt");
        var item = page.Locator("section:has(#q-erasures) li").Filter(new() { HasTextString = reference });
        await RefreshUntilAsync(() => page.ReloadAsync(), item, "the erasure request in the work queue");

        await TabToAsync(page, $"ack-{id}");
        await page.Keyboard.PressAsync("Enter");
        await Expect(item.Locator("[role=group]")).ToBeVisibleAsync();
        await WaitForFocusAsync(page, $"ack-confirm-{id}");
        await BrowserFixture.CheckPageAsync(page, "14-work-queue-erasure-confirmation-pt");
        await TabToAsync(page, $"ack-no-{id}");
        await page.Keyboard.PressAsync("Enter");
        await Expect(item.Locator("[role=group]")).ToHaveCountAsync(0);
        await WaitForFocusAsync(page, $"ack-{id}");
        Assert.Single(await ErasureAlertsAsync(staff, reference));

        await page.Keyboard.PressAsync("Enter");
        await Expect(item.Locator("[role=group]")).ToBeVisibleAsync();
        await TabToAsync(page, $"ack-yes-{id}");
        await page.Keyboard.PressAsync("Enter");
        await Expect(item).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await Expect(page.Locator("#q-erasures")).ToBeVisibleAsync();
        await Expect(item).ToHaveCountAsync(0);
        Assert.Empty(await ErasureAlertsAsync(staff, reference));
        var caseId = alert["caseId"]!.GetValue<string>();
        using var read = await staff.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}/history");
        var history = await ApiSession.ReadObjectAsync(read);
        Assert.Contains(history["items"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "erasure-request-acknowledged");
        browser.AssertTheConsoleKeptTheContract();
    }

    private static async Task<List<JsonObject>> ErasureAlertsAsync(ApiSession staff, string reference)
    {
        using var response = await staff.SendAsync(HttpMethod.Get, "/api/alerts?limit=100");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ApiSession.ReadObjectAsync(response))["items"]!.AsArray().OfType<JsonObject>()
            .Where(a => a["kind"]!.GetValue<string>() == "erasure-request" && a["caseReference"]!.GetValue<string>() == reference)
            .ToList();
    }

    /// <summary>Waits for the console to move the focus (it does so after rendering).</summary>
    private static Task WaitForFocusAsync(IPage page, string id) =>
        page.WaitForFunctionAsync("id => document.activeElement?.id === id", id);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
