using Microsoft.Playwright;
using static LegalAidReferral.EndToEnd.Tests.Console.Browsing;
using static LegalAidReferral.EndToEnd.Tests.Referrals;

namespace LegalAidReferral.EndToEnd.Tests.Console;

/// <summary>
/// A missed deadline in the work queue of a real browser, in French, with the keyboard only: a referral is sent,
/// the host started again ten days later by its own clock (<c>--dev-clock-offset</c>, on a host of this test's
/// own), and once the sweep raised the alert the sending office sees its case linked on it and acknowledges it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MissedDeadlineAlertTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_sending_office_sees_its_case_on_a_missed_deadline_and_acknowledges_it_with_the_keyboard()
    {
        using var data = new TempFolder();
        string id;
        await using (var today = await StandaloneProcess.StartAsync(data.Path))
        {
            id = await SentAndReceivedAsync(
                await ApiSession.SignInAsync(today.CreateClient(), Samples.GuatemalaDefender), await ApiSession.SignInAsync(today.CreateClient(), Samples.TapachulaDefender));
        }

        await using var later = await StandaloneProcess.StartAsync(data.Path, "--dev-clock-offset", "10.00:00:00");
        var staff = await ApiSession.SignInAsync(later.CreateClient(), Samples.GuatemalaDefender);
        var alert = await PollAsync($"the acknowledgement alert of {id}", MissedDeadlineTests.Sweeps, async () =>
            (await MissedDeadlineTests.AlertsAsync(staff, id)).FirstOrDefault(a => a["deadline"]!.GetValue<string>() == "acknowledge"));
        var alertId = alert["id"]!.GetValue<string>();
        var reference = alert["caseReference"]!.GetValue<string>();
        Assert.Equal("mx-ifdp-tapachula", alert["otherOfficeId"]!.GetValue<string>());

        var contract = new ContractRoute(later.BaseAddress);
        var page = await browser.SignInAsync(later, contract, Samples.GuatemalaDefender, "fr");
        // Ten days on, the decision is overdue too: the acknowledgement's alert is the item with its button.
        var item = page.Locator($"section:has(#q-alerts) li:has(#ack-{alertId})");
        await Expect(item.Locator("a[href^='cases/']")).ToHaveTextAsync(reference);
        await Expect(item).ToContainTextAsync("Defensoría Pública Federal – Tapachula");
        await BrowserFixture.CheckPageAsync(page, "15-work-queue-missed-deadline-fr");

        await TabToAsync(page, $"ack-{alertId}");
        await page.Keyboard.PressAsync("Enter");
        await Expect(item).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Expect(page.Locator("#q-alerts")).ToBeVisibleAsync();
        await Expect(item).ToHaveCountAsync(0);

        var acknowledged = Assert.Single(await MissedDeadlineTests.AlertsAsync(staff, id), a => a["id"]!.GetValue<string>() == alertId);
        Assert.Equal(Samples.GuatemalaDefender, acknowledged["acknowledgedBy"]!.GetValue<string>());
        Assert.True(contract.Violations.IsEmpty, $"The console broke the API contract:\n{string.Join('\n', contract.Violations)}");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
