using System.Text.Json;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// Storage shape 1 of an office's copy of a referral: the fields queries filter and sort on, the copy
/// in its wire form, the messages its writes saved and the relay has not yet marked sent (the outbox,
/// <see cref="OutboxPending"/> while any are left), the ids of the received messages applied to it (the
/// inbox), and the audit entries of its last write. One document, so each write is atomic.
/// </summary>
internal sealed record ReferralDocument(
    string Id,
    string OfficeId,
    int Schema,
    long Version,
    string Copy,
    string Status,
    bool Final,
    string? CaseId,
    string CreatedAt,
    JsonElement Referral,
    IReadOnlyList<MessageShape> Outbox,
    bool OutboxPending,
    IReadOnlyList<string> Handled,
    IReadOnlyList<AuditDocument> Audit)
{
    public const int CurrentSchema = 1;

    public static ReferralDocument Of(Referral copy, IReadOnlyList<MessageShape> outbox, IReadOnlyList<string> handled, IEnumerable<AuditDocument> audit)
    {
        ArgumentNullException.ThrowIfNull(copy);
        return new ReferralDocument(
            copy.Id.ToString("D"),
            copy.HolderOfficeId,
            CurrentSchema,
            copy.Version,
            Kebab<ReferralCopy>.Name(copy.Copy),
            Kebab<ReferralStatus>.Name(copy.Status),
            ReferralActions.Final.Contains(copy.Status),
            copy.CaseId?.ToString("D"),
            CosmosTime.Of(copy.CreatedAt),
            CosmosJson.ToElement(copy),
            outbox,
            outbox.Count > 0,
            handled,
            audit.ToArray());
    }

    public Referral ToReferral() =>
        Schema == CurrentSchema
            ? CosmosJson.FromElement<Referral>(Referral, "referral")
            : throw new InvalidDataException($"Referral copy {Id} is stored in schema {Schema}, which this version does not read.");

    /// <summary>The outbox with <paramref name="messages"/> added; a message already in it (same id) is kept as it was.</summary>
    public IReadOnlyList<MessageShape> OutboxWith(IEnumerable<ExchangeMessage> messages)
    {
        var saved = Outbox.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        return [.. Outbox, .. messages.Select(MessageShape.Of).Where(m => saved.Add(m.Id))];
    }
}

/// <summary>An outbox message as stored in the document of the change that sends it.</summary>
internal sealed record MessageShape(
    string Id,
    string Topic,
    string Subject,
    string FromOfficeId,
    string? ToOfficeId,
    string CorrelationId,
    string Body,
    DateTimeOffset CreatedAt)
{
    public static MessageShape Of(ExchangeMessage message) =>
        new(message.Id.ToString("D"), message.Topic, message.Subject, message.FromOfficeId, message.ToOfficeId, message.CorrelationId, message.Body, message.CreatedAt);

    public ExchangeMessage ToMessage() => new(Guid.ParseExact(Id, "D"), Topic, Subject, FromOfficeId, ToOfficeId, CorrelationId, Body, CreatedAt);
}
