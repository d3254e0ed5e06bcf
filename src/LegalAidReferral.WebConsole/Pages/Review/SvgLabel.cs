using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace LegalAidReferral.WebConsole.Pages.Review;

/// <summary>An SVG <c>&lt;text&gt;</c> element (Razor reserves the tag for its own use).</summary>
public sealed class SvgLabel : ComponentBase
{
    [Parameter, EditorRequired] public double X { get; set; }

    [Parameter, EditorRequired] public double Y { get; set; }

    /// <summary><c>start</c>, <c>middle</c> or <c>end</c>.</summary>
    [Parameter] public string Anchor { get; set; } = "start";

    [Parameter, EditorRequired] public string Text { get; set; } = "";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "class", "tick");
        builder.AddAttribute(2, "x", X.ToString("0.##", CultureInfo.InvariantCulture));
        builder.AddAttribute(3, "y", Y.ToString("0.##", CultureInfo.InvariantCulture));
        builder.AddAttribute(4, "text-anchor", Anchor);
        builder.AddContent(5, Text);
        builder.CloseElement();
    }
}
