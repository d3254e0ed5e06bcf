namespace LegalAidReferral.Infrastructure.BotFramework;

/// <summary>What an inbound activity must carry before anything reads it; the first missing field, or null.</summary>
public static class ActivityRules
{
    /// <summary>Longest id accepted (channel, conversation, account, activity): generous for every channel, bounded for storage.</summary>
    public const int MaxIdLength = 512;

    public static (string Field, string Message)? Check(Activity activity, bool needsServiceUrl)
    {
        ArgumentNullException.ThrowIfNull(activity);
        (string, string)? missing = activity switch
        {
            { Type: not { Length: > 0 } } => ("type", "The activity's type is required."),
            { ChannelId: not { Length: > 0 } } => ("channelId", "The activity's channelId is required."),
            { Conversation.Id: not { Length: > 0 } } => ("conversation.id", "The activity's conversation.id is required."),
            { From.Id: not { Length: > 0 } } => ("from.id", "The activity's from.id is required."),
            { Recipient.Id: not { Length: > 0 } } => ("recipient.id", "The activity's recipient.id is required."),
            _ => null,
        };
        if (missing is not null)
        {
            return missing;
        }

        if (new[] { activity.ChannelId, activity.Conversation!.Id, activity.From!.Id, activity.Recipient!.Id, activity.Id }.Any(id => id?.Length > MaxIdLength))
        {
            return ("id", $"Ids of an activity are at most {MaxIdLength} characters.");
        }

        if (needsServiceUrl && !(Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
        {
            return ("serviceUrl", "The activity's serviceUrl must be an absolute http(s) URL.");
        }

        return null;
    }
}
