namespace LegalAidReferral.Infrastructure.BotFramework;

/// <summary>What an inbound activity must carry before anything reads it; the first missing field, or null.</summary>
public static class ActivityRules
{
    /// <summary>Longest id accepted (channel, conversation, account, activity): generous for every channel, bounded for storage.</summary>
    public const int MaxIdLength = 512;

    public static (string Field, string Message)? Check(Activity activity, bool needsServiceUrl)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var required = new (string Field, string? Value)[]
        {
            ("type", activity.Type),
            ("channelId", activity.ChannelId),
            ("conversation.id", activity.Conversation?.Id),
            ("from.id", activity.From?.Id),
            ("recipient.id", activity.Recipient?.Id),
        };
        if (required.FirstOrDefault(r => string.IsNullOrEmpty(r.Value)) is { Field: { } field })
        {
            return (field, $"The activity's {field} is required.");
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
