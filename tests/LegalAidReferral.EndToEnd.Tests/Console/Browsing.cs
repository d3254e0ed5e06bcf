using Microsoft.Playwright;

namespace LegalAidReferral.EndToEnd.Tests.Console;

/// <summary>Steps the browser tests share: keyboard-only focus, and waiting for another office's step to arrive.</summary>
public static class Browsing
{
    /// <summary>Presses Tab until the element with id <paramref name="id"/> has the focus, as a keyboard-only user does.</summary>
    public static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await page.EvaluateAsync<string?>("() => document.activeElement?.id") == id)
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached #{id}.");
    }

    /// <summary>Focuses the field with the keyboard and types into it.</summary>
    public static async Task TypeIntoAsync(IPage page, string id, string text)
    {
        await TabToAsync(page, id);
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>
    /// Runs <paramref name="refresh"/> until <paramref name="shown"/> is visible: a step of the other
    /// office reaches this one through the outbox relay (every five seconds on the standalone host).
    /// </summary>
    public static async Task RefreshUntilAsync(Func<Task> refresh, ILocator shown, string what)
    {
        var deadline = DateTimeOffset.UtcNow + Referrals.RelayDeadline;
        while (true)
        {
            try
            {
                await shown.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 3000 });
                return;
            }
            catch (TimeoutException)
            {
                if (DateTimeOffset.UtcNow > deadline)
                {
                    await BrowserFixture.KeepScreenshotAsync(shown.Page, "failed-" + string.Concat(what.Where(char.IsAsciiLetterOrDigit)));
                    Assert.Fail($"The console did not show {what} within {Referrals.RelayDeadline.TotalSeconds} s.");
                }

                await refresh();
            }
        }
    }
}
