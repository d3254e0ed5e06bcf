using System.Text.Json;
using LegalAidReferral.Core.Chat;

namespace LegalAidReferral.Infrastructure.BotFramework;

/// <summary>The bot's answer to one activity: its reply activities, or how long the conversation must wait.</summary>
public sealed record BotTurnResult(IReadOnlyList<Activity> Replies, TimeSpan? RetryAfter)
{
    public static readonly BotTurnResult Silent = new([], null);
}

/// <summary>
/// One inbound activity through the conversation engine, the same for every way an activity arrives
/// (<c>POST /api/messages</c>, the standalone host's Direct Line): a <c>message</c> is a turn, a
/// <c>conversationUpdate</c> that adds someone other than the bot is a greeting turn (no text, no
/// value), any other type is ignored. A locale that is not a language tag is dropped (<see cref="ActivityLocale"/>).
/// The conversation's reference is stored before the engine runs, so the engine can write to it later. The activity must be checked (<see cref="ActivityRules"/>) and,
/// when it came over the network, its token validated before it gets here.
/// </summary>
public sealed class BotTurns(
    IChatConversations conversations, IConversationReferenceStore references, ConversationThrottle throttle, ConnectorAttachments attachments, TimeProvider time)
{
    public async Task<BotTurnResult> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity = activity with { Locale = ActivityLocale.Of(activity.Locale) };
        var user = activity.Type switch
        {
            ActivityTypes.Message => activity.From,
            ActivityTypes.ConversationUpdate => activity.MembersAdded?.FirstOrDefault(m => m.Id is { Length: > 0 } && m.Id != activity.Recipient?.Id),
            _ => null,
        };
        if (user?.Id is not { Length: > 0 } userId)
        {
            return BotTurnResult.Silent;
        }

        var address = new ChatAddress(activity.ChannelId!, activity.Conversation!.Id!, userId);
        if (throttle.Admit(address.ChannelId, address.ConversationId) is { } wait)
        {
            return new BotTurnResult([], wait);
        }

        await references.SaveAsync(
            new ConversationReference(address, activity.ServiceUrl!, activity.Recipient!.Id!, activity.Recipient.Name, activity.Locale, time.GetUtcNow()),
            cancellationToken);
        var turn = activity.Type == ActivityTypes.Message
            ? new ChatTurn(address, activity.Text, StringValue(activity.Value), attachments.Of(activity), activity.Locale)
            : new ChatTurn(address, null, null, [], activity.Locale);
        var replies = await conversations.HandleAsync(turn, cancellationToken);
        var to = new ChannelAccount { Id = userId, Name = user.Name, Role = "user" };
        return new BotTurnResult(replies.Select(r => BotActivities.Message(r, activity.Recipient, to, activity) with { ReplyToId = activity.Id }).ToArray(), null);
    }

    /// <summary>A <c>messageBack</c> or <c>postBack</c> carries its value; only a string value means anything to the engine.</summary>
    private static string? StringValue(JsonElement? value) => value is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;
}

/// <summary>The bot's message activities.</summary>
public static class BotActivities
{
    /// <summary>
    /// A message of the bot in the conversation of <paramref name="context"/>: choices become
    /// <c>imBack</c> suggested actions addressed to the user, title and value the same text (Web Chat
    /// sends the value as the message text, and SMS-like channels show and send the title).
    /// </summary>
    public static Activity Message(ChatReply reply, ChannelAccount bot, ChannelAccount user, Activity context)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(context);
        return new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = context.ChannelId,
            ServiceUrl = context.ServiceUrl,
            Conversation = new ConversationAccount { Id = context.Conversation?.Id },
            From = new ChannelAccount { Id = bot.Id, Name = bot.Name, Role = "bot" },
            Recipient = user,
            Locale = context.Locale,
            TextFormat = "plain",
            Text = reply.Text,
            InputHint = reply.Choices.Count > 0 ? "expectingInput" : "acceptingInput",
            SuggestedActions = reply.Choices.Count > 0
                ? new SuggestedActions([user.Id!], [.. reply.Choices.Select(c => new CardAction("imBack", c.Title, c.Title))])
                : null,
        };
    }
}
