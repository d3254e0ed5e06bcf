using System.Text.RegularExpressions;

namespace LegalAidReferral.Core.Chat.Languages;

/// <summary>
/// One language of the chat, read from its data file (<c>Chat/Languages/&lt;code&gt;.json</c>): every text
/// by key, the command words, and the keyword lexicon that maps a described need to legal issue types.
/// </summary>
public sealed partial record ChatLanguage(
    string Code,
    string Name,
    IReadOnlyDictionary<string, string> Texts,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Commands,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Issues)
{
    /// <summary>The languages of the chat, in the order the person is offered them.</summary>
    public static readonly IReadOnlyList<string> Supported = ["es", "en", "fr", "pt", "ht"];

    /// <summary>The text of <paramref name="key"/> with its <c>{placeholders}</c> filled; a value not given (a question skipped) shows as "-".</summary>
    public string Say(string key, IReadOnlyDictionary<string, string>? values = null)
    {
        var text = Texts.TryGetValue(key, out var found) ? found : throw new KeyNotFoundException($"The chat text '{key}' is missing in '{Code}'.");
        return values is null ? text : Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : "-");
    }

    /// <summary>The placeholder names a text uses.</summary>
    public static IReadOnlySet<string> PlaceholdersOf(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="normalized"/> (see <see cref="ChatText.Normalize"/>) is one of the words of <paramref name="command"/>.</summary>
    public bool IsCommand(string command, string normalized) =>
        Commands.TryGetValue(command, out var words) && words.Any(w => ChatText.Normalize(w) == normalized);

    [GeneratedRegex(@"\{([a-z][a-zA-Z0-9]*)\}")]
    private static partial Regex Placeholder();
}
