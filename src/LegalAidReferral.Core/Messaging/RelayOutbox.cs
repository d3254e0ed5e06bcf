namespace LegalAidReferral.Core.Messaging;

/// <summary>
/// Publishes the saved messages, oldest first, a page at a time (<see cref="IMessagePublisher.PublishPageAsync"/>;
/// the in-process exchange hands a page's protocol events to the review as one batch), and marks them
/// sent once published. When a publish fails, the rest of that message's correlation (e.g. the later
/// steps of the same referral) waits, so no step overtakes an earlier one, while other correlations go
/// on; the run then ends and the next one starts again from the oldest unpublished message. Delivery is
/// at-least-once: a crash between a publish and its mark sends the message again, and receivers
/// de-duplicate by message id.
/// </summary>
public sealed class RelayOutbox(IOutbox outbox, IMessagePublisher publisher)
{
    public const int BatchSize = 100;

    /// <summary>How many messages this run published, and the first publish failure if there was one.</summary>
    public sealed record Outcome(int Published, Exception? Failure);

    public async Task<Outcome> RunAsync(CancellationToken cancellationToken)
    {
        var published = 0;
        while (true)
        {
            var pending = await outbox.PendingAsync(BatchSize, cancellationToken);
            var page = await publisher.PublishPageAsync(pending, cancellationToken);
            if (page.Published.Count > 0)
            {
                await outbox.MarkSentAsync(page.Published, cancellationToken);
                published += page.Published.Count;
            }

            if (page.Failure is not null || pending.Count < BatchSize)
            {
                return new Outcome(published, page.Failure);
            }
        }
    }
}
