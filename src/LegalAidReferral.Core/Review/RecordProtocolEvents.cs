using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Core.Review;

/// <summary>
/// The handler of the protocol-events topic: records events in the review's read model, a batch of up
/// to <see cref="MaxBatchSize"/> at once (<see cref="IReviewStore.RecordBatchAsync"/>). The in-process
/// exchange hands it each relayed page's events; on Service Bus the regional review drains its
/// subscription through it, and each country deployment records the events it publishes.
/// </summary>
public sealed class RecordProtocolEvents(IReviewStore store, ReviewSettings settings) : IBatchMessageHandler
{
    private static readonly Delivery Unreadable = Delivery.Rejected("The message is not a protocol event of a known schema.");

    public string Topic => Topics.ProtocolEvents;

    public int MaxBatchSize => 256;

    public async Task<Delivery> HandleAsync(ExchangeMessage message, CancellationToken cancellationToken)
    {
        if (!ReferralMessages.TryReadEvent(message, out var protocolEvent))
        {
            return Unreadable;
        }

        await store.RecordAsync(ReviewEntry.Of(protocolEvent, settings.TimeZone), cancellationToken);
        return Delivery.Handled;
    }

    /// <summary>The readable events of the batch in one call of the store; an unreadable one is rejected, the others handled.</summary>
    public async Task<IReadOnlyList<Delivery>> HandleBatchAsync(IReadOnlyList<ExchangeMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var deliveries = new Delivery[messages.Count];
        var entries = new List<ReviewEntry>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            if (ReferralMessages.TryReadEvent(messages[i], out var protocolEvent))
            {
                entries.Add(ReviewEntry.Of(protocolEvent, settings.TimeZone));
                deliveries[i] = Delivery.Handled;
            }
            else
            {
                deliveries[i] = Unreadable;
            }
        }

        if (entries.Count > 0)
        {
            await store.RecordBatchAsync(entries, cancellationToken);
        }

        return deliveries;
    }
}
