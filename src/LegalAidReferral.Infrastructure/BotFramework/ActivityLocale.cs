using System.Text.RegularExpressions;

namespace LegalAidReferral.Infrastructure.BotFramework;

/// <summary>
/// An activity's locale as the bot keeps it: a language tag in the shape of BCP 47 (letters, then subtags of letters
/// and digits after hyphens, such as <c>es-GT</c> or <c>ht</c>), at most <see cref="MaxLength"/> characters; anything
/// else is no locale. A locale is only a hint the client sends, so a wrong one is dropped rather than refused, and it
/// never reaches the engine, the stored conversation reference or the replies.
/// </summary>
public static partial class ActivityLocale
{
    /// <summary>The length RFC 5646 (section 4.4.1) asks implementations to hold.</summary>
    public const int MaxLength = 35;

    public static string? Of(string? locale) => locale is { Length: > 0 and <= MaxLength } && Tag().IsMatch(locale) ? locale : null;

    [GeneratedRegex(@"\A[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
