using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>A double click on a button whose request is still on its way.</summary>
internal static class DoubleClick
{
    /// <summary>Clicks, clicks again once the button shows disabled, then lets the held answer arrive.</summary>
    public static void WhileOnItsWay<T>(IRenderedComponent<T> component, Func<IElement> button, TaskCompletionSource answer)
        where T : IComponent
    {
        button().Click();
        component.WaitForAssertion(() => Assert.NotNull(button().GetAttribute("disabled")));
        button().Click();
        answer.SetResult();
    }
}
