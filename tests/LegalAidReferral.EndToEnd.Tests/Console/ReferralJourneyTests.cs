using Microsoft.Playwright;
using static LegalAidReferral.EndToEnd.Tests.Console.Browsing;

namespace LegalAidReferral.EndToEnd.Tests.Console;

/// <summary>
/// The console in a real browser, in Spanish: a Guatemala City defender takes in a case with the
/// keyboard only, checks conflicts, triages, records consent and refers the case to Tapachula; a
/// Tapachula supervisor, in a second browser context, acknowledges, accepts, assigns and records first
/// contact, and the first defender sees each step. Every page is screenshotted and checked with axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReferralJourneyTests(BrowserFixture browser)
{
    private const string Tapachula = "mx-ifdp-tapachula";
    private const string TapachulaName = "Defensoría Pública Federal – Tapachula";

    [Fact]
    public async Task A_case_goes_from_keyboard_intake_to_first_contact_in_Tapachula()
    {
        var guatemala = await browser.SignInAsync("gt-idpp-guatemala-defender", "es");
        await Expect(guatemala.Locator("h1")).ToHaveTextAsync("Lo que requiere su atención");
        await BrowserFixture.CheckPageAsync(guatemala, "01-work-queue");

        // Intake with the keyboard only: the menu link, each field, the submit button.
        await TabToAsync(guatemala, "nav-intake");
        await guatemala.Keyboard.PressAsync("Enter");
        await Expect(guatemala.Locator("h1")).ToHaveTextAsync("Nuevo ingreso");
        await TypeIntoAsync(guatemala, "f-client-fullName", "Ana Ficticia Ejemplo Ruiz");
        await TypeIntoAsync(guatemala, "f-client-nationalities", "HN");
        await TypeIntoAsync(guatemala, "f-client-languages", "es");
        await TypeIntoAsync(guatemala, "f-client-currentLocation-country", "MX");
        await TypeIntoAsync(guatemala, "f-client-currentLocation-locality", "Tapachula");
        await TypeIntoAsync(guatemala, "f-household-size", "3");
        await TypeIntoAsync(guatemala, "f-legalIssues-0--description", "Solicitud de asilo pendiente");
        await BrowserFixture.CheckPageAsync(guatemala, "02-intake");
        await TabToAsync(guatemala, "submit-intake");
        await guatemala.Keyboard.PressAsync("Enter");
        await Expect(guatemala.Locator("h1")).ToContainTextAsync("Ana Ficticia Ejemplo Ruiz");
        var caseUrl = guatemala.Url;

        await BrowserFixture.ClickAsync(guatemala, "Verificar conflictos");
        await Expect(guatemala.Locator("section:has(#s-conflict)")).ToContainTextAsync("Registrar resultado");
        await BrowserFixture.ClickAsync(guatemala, "Registrar resultado");
        await Expect(guatemala.Locator("section:has(#s-conflict)")).ToContainTextAsync("Sin conflicto");

        await BrowserFixture.ClickAsync(guatemala, "Evaluar admisión");
        await Expect(guatemala.Locator("section:has(#s-triage)")).ToContainTextAsync("La persona usuaria está ahora en");

        await guatemala.Locator("#consent-f-officeId").SelectOptionAsync(Tapachula);
        await BrowserFixture.ClickAsync(guatemala, "Registrar consentimiento");
        await Expect(guatemala.Locator("section:has(#s-consents) tbody")).ToContainTextAsync(TapachulaName);

        await guatemala.Locator("#referral-f-toOfficeId").SelectOptionAsync(Tapachula);
        await guatemala.Locator("#referral-f-reason").FillAsync("La persona se trasladó a Tapachula.");
        await BrowserFixture.ClickAsync(guatemala, "Enviar la derivación");
        var sent = guatemala.Locator("section:has(#s-referrals) a").Filter(new() { HasTextString = TapachulaName });
        await Expect(sent).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(guatemala, "03-case");
        await sent.ClickAsync();
        await Expect(guatemala.Locator("#referral-status")).ToHaveTextAsync("Enviada");
        await BrowserFixture.CheckPageAsync(guatemala, "04-referral-outgoing");

        var tapachula = await browser.SignInAsync("mx-ifdp-tapachula-supervisor", "es");
        await tapachula.GotoAsync("/referrals");
        var incoming = tapachula.Locator("main table a").Filter(new() { HasTextString = "Representación" });
        await RefreshUntilAsync(() => BrowserFixture.ClickAsync(tapachula, "Actualizar"), incoming, "the incoming referral");
        await BrowserFixture.CheckPageAsync(tapachula, "05-referrals-incoming");
        await incoming.First.ClickAsync();
        await Expect(tapachula.Locator("#referral-status")).ToHaveTextAsync("Enviada");
        await BrowserFixture.CheckPageAsync(tapachula, "06-referral-incoming");

        await ActAsync(tapachula, "acknowledge", "Acusar recibo", "Recibida");
        await SeesAsync(guatemala, "Recibida");
        await ActAsync(tapachula, "accept", "Aceptar", "Aceptada");
        await SeesAsync(guatemala, "Aceptada");
        await tapachula.Locator("#action").SelectOptionAsync("assign");
        await tapachula.Locator("#f-defenderId").FillAsync("mx-ifdp-tapachula-defender");
        await ActAsync(tapachula, "assign", "Asignar defensora", "Asignada");
        await ActAsync(tapachula, "first-contact", "Registrar primer contacto", "En curso");
        await SeesAsync(guatemala, "En curso");

        await guatemala.GotoAsync(caseUrl);
        await Expect(guatemala.Locator("section:has(#s-referrals)")).ToContainTextAsync("En curso");
        browser.AssertTheConsoleKeptTheContract();
    }

    private static async Task ActAsync(IPage page, string action, string button, string status)
    {
        await page.Locator("#action").SelectOptionAsync(action);
        await BrowserFixture.ClickAsync(page, button);
        await Expect(page.Locator("#referral-status")).ToHaveTextAsync(status);
    }

    private static Task SeesAsync(IPage page, string status) =>
        RefreshUntilAsync(() => BrowserFixture.ClickAsync(page, "Actualizar"), page.Locator("#referral-status").GetByText(status, new() { Exact = true }), $"the status {status}");

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
