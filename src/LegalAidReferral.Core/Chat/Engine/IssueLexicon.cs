using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Chat.Languages;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Chat.Engine;

/// <summary>
/// Maps a need described in free text to a legal issue type by the keywords of the person's language
/// (the <c>issues</c> lists of the language files, documented in docs/chat.md). A keyword matches a word
/// that starts with it (so "deport" matches "deportado"), or, with a space in it, the phrase. The type with
/// the most matches wins, ties going to the order of the type list; no match is null. The engine always asks
/// the person to confirm the result.
/// </summary>
public static class IssueLexicon
{
    public static LegalIssueType? Classify(ChatLanguage language, string text)
    {
        ArgumentNullException.ThrowIfNull(language);
        var normalized = ChatText.Normalize(text);
        var words = ChatText.Words(normalized).ToArray();
        LegalIssueType? best = null;
        var bestScore = 0;
        foreach (var type in Enum.GetValues<LegalIssueType>())
        {
            if (!language.Issues.TryGetValue(Kebab<LegalIssueType>.Name(type), out var keywords))
            {
                continue;
            }

            var score = keywords.Select(ChatText.Normalize).Count(k => k.Contains(' ', StringComparison.Ordinal)
                ? normalized.Contains(k, StringComparison.Ordinal)
                : words.Any(w => w.StartsWith(k, StringComparison.Ordinal)));
            if (score > bestScore)
            {
                (best, bestScore) = (type, score);
            }
        }

        return best;
    }
}
