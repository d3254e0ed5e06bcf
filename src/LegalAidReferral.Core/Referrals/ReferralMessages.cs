using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals.Events;

namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// The messages of a referral on the exchange (docs/exchange.md): the delivery of a sent referral to
/// the receiving office, each later step to the other office, and the protocol event of every step
/// to the review. Each message's id comes from its step, so the same step always makes the same
/// message and receivers de-duplicate it. The thread's messages travel the same way (a posted message,
/// then its receipt back), with no protocol event: their text is never for the review.
/// </summary>
public static class ReferralMessages
{
    public const int SchemaVersion = 1;
    public const string SentSubject = "referral-sent";
    public const string StepSubject = "referral-step";
    public const string EventSubject = "protocol-event";
    public const string PostedSubject = "referral-message";
    public const string ReceiptSubject = "referral-message-received";

    /// <summary>What a change sends: the step (or delivery) to the other office and the step's protocol event.</summary>
    public static IReadOnlyList<ExchangeMessage> Of(Referral changed, ReferralStep step, ReferralDelivery? delivery, Pseudonyms pseudonyms)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(step);
        var exchange = delivery is not null
            ? Message(step.Id, Topics.Referrals, SentSubject, changed.HolderOfficeId, changed.OtherOfficeId, changed.Id.ToString("D"), new SentBody(SchemaVersion, delivery), step.At)
            : Message(step.Id, Topics.Referrals, StepSubject, changed.HolderOfficeId, changed.OtherOfficeId, changed.Id.ToString("D"), new StepBody(SchemaVersion, changed.Id, step), step.At);
        return [exchange, Of(ProtocolEvent.Of(changed, step, pseudonyms), changed.HolderOfficeId, step.At)];
    }

    /// <summary>A protocol event to the review, sent by <paramref name="fromOfficeId"/>; its id is the event's.</summary>
    public static ExchangeMessage Of(ProtocolEvent protocolEvent, string fromOfficeId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(protocolEvent);
        return Message(
            protocolEvent.EventId, Topics.ProtocolEvents, EventSubject, fromOfficeId, null, protocolEvent.ReferralPseudonym, new EventBody(SchemaVersion, protocolEvent), at);
    }

    /// <summary>A thread message to the other office; its id is the message's.</summary>
    public static ExchangeMessage Of(Referral changed, ThreadMessage message)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(message);
        var posted = new PostedMessage(changed.Id, message.Id, message.FromOfficeId, message.AuthorId, message.At, message.Text
            ?? throw new InvalidOperationException("A withdrawn text is never posted."));
        return Message(message.Id, Topics.Referrals, PostedSubject, changed.HolderOfficeId, changed.OtherOfficeId, changed.Id.ToString("D"), new PostedBody(SchemaVersion, posted), message.At);
    }

    /// <summary>The receipt of a thread message, back to the office that posted it.</summary>
    public static ExchangeMessage Of(Referral changed, MessageReceipt receipt, Guid receiptId)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(receipt);
        return Message(
            receiptId, Topics.Referrals, ReceiptSubject, changed.HolderOfficeId, changed.OtherOfficeId, changed.Id.ToString("D"), new ReceiptBody(SchemaVersion, receipt), receipt.ReceivedAt);
    }

    public static bool TryReadPosted(ExchangeMessage message, [NotNullWhen(true)] out PostedMessage? posted) =>
        (posted = Read<PostedBody>(message, PostedSubject)?.Message) is not null;

    public static bool TryReadReceipt(ExchangeMessage message, [NotNullWhen(true)] out MessageReceipt? receipt) =>
        (receipt = Read<ReceiptBody>(message, ReceiptSubject)?.Receipt) is not null;

    public static bool TryReadDelivery(ExchangeMessage message, [NotNullWhen(true)] out ReferralDelivery? delivery) =>
        (delivery = Read<SentBody>(message, SentSubject)?.Delivery) is not null;

    public static bool TryReadEvent(ExchangeMessage message, [NotNullWhen(true)] out ProtocolEvent? protocolEvent) =>
        (protocolEvent = Read<EventBody>(message, EventSubject)?.Event) is not null;

    public static bool TryReadStep(ExchangeMessage message, [NotNullWhen(true)] out Guid? referralId, [NotNullWhen(true)] out ReferralStep? step)
    {
        var body = Read<StepBody>(message, StepSubject);
        referralId = body?.ReferralId;
        step = body?.Step;
        return body?.Step is not null;
    }

    private static ExchangeMessage Message<T>(Guid id, string topic, string subject, string from, string? to, string correlation, T body, DateTimeOffset at) =>
        new(id, topic, subject, from, to, correlation, JsonSerializer.Serialize(body, WireJson.Options), at);

    private static T? Read<T>(ExchangeMessage message, string subject)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Subject != subject)
        {
            return null;
        }

        try
        {
            var body = JsonSerializer.Deserialize<T>(message.Body, WireJson.Options);
            return body?.SchemaVersion == SchemaVersion ? body : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private interface IVersioned
    {
        int SchemaVersion { get; }
    }

    private sealed record SentBody(int SchemaVersion, ReferralDelivery Delivery) : IVersioned;

    private sealed record StepBody(int SchemaVersion, Guid ReferralId, ReferralStep Step) : IVersioned;

    private sealed record EventBody(int SchemaVersion, ProtocolEvent Event) : IVersioned;

    private sealed record PostedBody(int SchemaVersion, PostedMessage Message) : IVersioned;

    private sealed record ReceiptBody(int SchemaVersion, MessageReceipt Receipt) : IVersioned;
}
