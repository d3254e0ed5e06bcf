using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Core.Review;

/// <summary>
/// The handler of the protocol-events topic: records each event in the review's read model. The
/// in-process exchange calls it as events are published; on Service Bus the regional review drains
/// its subscription through it, and each country deployment records the events it publishes.
/// </summary>
public sealed class RecordProtocolEvents(IReviewStore store, ReviewSettings settings) : IMessageHandler
{
    public string Topic => Topics.ProtocolEvents;

    public async Task<Delivery> HandleAsync(ExchangeMessage message, CancellationToken cancellationToken)
    {
        if (!ReferralMessages.TryReadEvent(message, out var protocolEvent))
        {
            return Delivery.Rejected("The message is not a protocol event of a known schema.");
        }

        await store.RecordAsync(ReviewEntry.Of(protocolEvent, settings.TimeZone), cancellationToken);
        return Delivery.Handled;
    }
}
