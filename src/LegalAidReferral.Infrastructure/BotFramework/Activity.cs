using System.Text.Json;
using System.Text.Json.Serialization;

namespace LegalAidReferral.Infrastructure.BotFramework;

/// <summary>
/// A Bot Framework activity as it travels (botframework-activity spec): only the fields this service
/// reads or writes are typed; every other field a channel adds is kept in <see cref="Extra"/>, so an
/// activity read and written again (the Direct Line echo) loses nothing.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    /// <summary>ISO 8601, as sent; kept as text so an odd timestamp of a channel is no reason to refuse a turn.</summary>
    public string? Timestamp { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public string? TextFormat { get; init; }

    public string? Text { get; init; }

    public string? Locale { get; init; }

    public JsonElement? Value { get; init; }

    public string? ReplyToId { get; init; }

    public string? InputHint { get; init; }

    public string? DeliveryMode { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ActivityAttachment>? Attachments { get; init; }

    public SuggestedActions? SuggestedActions { get; init; }

    public JsonElement? ChannelData { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

public sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Role { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

public sealed record ConversationAccount
{
    public string? Id { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

public sealed record ActivityAttachment
{
    public string? ContentType { get; init; }

    public string? ContentUrl { get; init; }

    public string? Name { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <param name="To">The accounts that see the actions; Web Chat shows them only when this is empty or names its user.</param>
public sealed record SuggestedActions(IReadOnlyList<string> To, IReadOnlyList<CardAction> Actions);

/// <summary>An <c>imBack</c> action: tapping it sends <see cref="Value"/> as the message text.</summary>
public sealed record CardAction(string Type, string Title, string Value);

/// <summary>The answer to an activity sent with <c>deliveryMode: expectReplies</c>.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);

/// <summary>What the Connector (or the local Direct Line) answers to a posted activity.</summary>
public sealed record ResourceResponse(string Id);

/// <summary>Activity type and delivery mode names of the protocol.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string ExpectReplies = "expectReplies";
}

/// <summary>JSON of the Bot Framework protocol: camelCase, nulls left out, unknown fields kept (see <see cref="Activity.Extra"/>).</summary>
public static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNameCaseInsensitive = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = 32,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
