using System.Text.Json;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// An office's copy of a referral as one document: the fields queries filter and sort on, the copy in
/// its wire form, the messages its writes saved and the relay has not yet marked sent (the outbox,
/// <see cref="OutboxPending"/> while any are left), the ids of the received messages applied to it (the
/// inbox), and the audit entries of its last write. One document, so each write is atomic.
/// Storage shape 2 (written now) keeps the copy's thread in <see cref="Thread"/>, outside
/// <see cref="Referral"/>, so the lists and the sweep select <c>c.referral</c> without the messages;
/// shape 1 (read still) has the thread inside <see cref="Referral"/> and no <see cref="Thread"/>.
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
    IReadOnlyList<AuditDocument> Audit,
    JsonElement? Thread = null)
{
    public const int CurrentSchema = 2;

    /// <summary>Shape 1: the thread inside <see cref="Referral"/>.</summary>
    public const int ThreadInsideSchema = 1;

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
            CosmosJson.ToElement(copy with { Thread = [] }),
            outbox,
            outbox.Count > 0,
            handled,
            audit.ToArray(),
            CosmosJson.ToElement(copy.Thread));
    }

    /// <summary>The copy with its thread, from either shape.</summary>
    public Referral ToReferral() => Read(Id, Schema, Referral, Thread);

    /// <summary>A copy as a query selected it (<c>c.schema, c.referral</c>, and <c>c.thread</c> when wanted): without a selected thread, a shape 2 copy reads with an empty one.</summary>
    public static Referral Read(string id, int schema, JsonElement referral, JsonElement? thread) =>
        schema switch
        {
            ThreadInsideSchema => CosmosJson.FromElement<Referral>(referral, "referral"),
            CurrentSchema => CosmosJson.FromElement<Referral>(referral, "referral") with
            {
                Thread = thread is { ValueKind: JsonValueKind.Array } messages ? CosmosJson.FromElement<IReadOnlyList<ThreadMessage>>(messages, "referral thread") : [],
            },
            _ => throw new InvalidDataException($"Referral copy {id} is stored in schema {schema}, which this version does not read."),
        };

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
