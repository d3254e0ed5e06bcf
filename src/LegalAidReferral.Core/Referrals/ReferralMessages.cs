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
/// message and receivers de-duplicate it.
/// </summary>
public static class ReferralMessages
{
    public const int SchemaVersion = 1;
    public const string SentSubject = "referral-sent";
    public const string StepSubject = "referral-step";
    public const string EventSubject = "protocol-event";

    /// <summary>What a change sends: the step (or delivery) to the other office and the step's protocol event.</summary>
    public static IReadOnlyList<ExchangeMessage> Of(Referral changed, ReferralStep step, ReferralDelivery? delivery, Pseudonyms pseudonyms)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(step);
        var to = changed.Copy == ReferralCopy.Sending ? changed.ToOfficeId : changed.FromOfficeId;
        var exchange = delivery is not null
            ? Message(step.Id, Topics.Referrals, SentSubject, changed.HolderOfficeId, to, changed.Id.ToString("D"), new SentBody(SchemaVersion, delivery), step.At)
            : Message(step.Id, Topics.Referrals, StepSubject, changed.HolderOfficeId, to, changed.Id.ToString("D"), new StepBody(SchemaVersion, changed.Id, step), step.At);
        var protocolEvent = ProtocolEvent.Of(changed, step, pseudonyms);
        var review = Message(
            protocolEvent.EventId,
            Topics.ProtocolEvents,
            EventSubject,
            changed.HolderOfficeId,
            null,
            protocolEvent.ReferralPseudonym,
            new EventBody(SchemaVersion, protocolEvent),
            step.At);
        return [exchange, review];
    }

    public static bool TryReadDelivery(ExchangeMessage message, [NotNullWhen(true)] out ReferralDelivery? delivery) =>
        (delivery = Read<SentBody>(message, SentSubject)?.Delivery) is not null;

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
}
