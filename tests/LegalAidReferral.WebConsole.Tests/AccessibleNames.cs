using AngleSharp.Dom;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>The name a screen reader announces for an element named by its content (a button): its <c>aria-label</c>, else its text without what is <c>aria-hidden</c>, spaces collapsed.</summary>
internal static class AccessibleNames
{
    public static string Of(IElement element) => Collapse(element.GetAttribute("aria-label") ?? Text(element));

    /// <summary>Any run of white space (a formatted time's narrow no-break space too) as one space.</summary>
    public static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Text(INode node) => node switch
    {
        IElement { } hidden when hidden.GetAttribute("aria-hidden") == "true" => " ",
        IText text => text.Data,
        _ => string.Concat(node.ChildNodes.Select(Text)),
    };
}
