using Bunit;
using LegalAidReferral.WebConsole.Components;
using LegalAidReferral.WebConsole.Localisation;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>
/// The language menu reloads the page, so only its button applies a choice: in Chromium each arrow key on a
/// closed select changes it, and a reload per key moved a keyboard user away before they reached their language.
/// </summary>
public sealed class LanguageSwitchTests : ConsoleTestContext
{
    [Fact]
    public void Changing_the_select_alone_neither_stores_the_language_nor_reloads()
    {
        var navigation = Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>();
        var menu = Render<LanguageSwitch>();

        menu.Find("#language").Change("fr");

        Assert.Empty(JSInterop.Invocations["localStorage.setItem"]);
        Assert.Empty(navigation.History);
    }

    [Fact]
    public void The_button_stores_the_chosen_language_and_reloads_the_page()
    {
        var navigation = Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>();
        var menu = Render<LanguageSwitch>();
        menu.Find("#language").Change("ht");

        menu.Find("form").Submit();

        Assert.Equal([ConsoleLanguage.StorageKey, "ht"], Assert.Single(JSInterop.Invocations["localStorage.setItem"]).Arguments);
        Assert.Single(navigation.History);
    }
}
