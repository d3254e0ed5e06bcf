using LegalAidReferral.Core.Messaging;

namespace LegalAidReferral.Infrastructure.Exchange;

/// <summary>
/// The exchange of the standalone host (and of tests): every office is served by this process, so a
/// publish hands the message straight to the handlers of its topic, with the semantics of the Service
/// Bus exchange. A message is accepted once every handler has handled it or set it aside; a handler
/// that asks for a retry (or throws) fails the publish, so the relay keeps the message and publishes it
/// again later, and the handlers that had already handled it de-duplicate it. A topic without handlers
/// accepts and drops its messages, like a topic without subscriptions. A page from the relay goes to
/// the handlers of a topic that take batches (the review) in batches: see <see cref="PublishPageAsync"/>.
/// </summary>
public sealed class InProcessExchange(IEnumerable<IMessageHandler> handlers, IDeadLetters deadLetters, TimeProvider clock) : IMessagePublisher, IExchangeInbox
{
    private readonly ILookup<string, IMessageHandler> byTopic = handlers.ToLookup(h => h.Topic, StringComparer.Ordinal);

    /// <summary>Nothing waits to be fetched: every message was handed to its handlers when it was published.</summary>
    public Task<int> DrainAsync(CancellationToken cancellationToken) => Task.FromResult(0);

    public async Task PublishAsync(ExchangeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var handler in byTopic[message.Topic])
        {
            if (await SettleAsync(message, await handler.HandleAsync(message, cancellationToken), cancellationToken) is { } failure)
            {
                throw failure;
            }
        }
    }

    /// <summary>
    /// The page in its order, except that the messages of a topic whose handlers all take batches wait
    /// in a batch of that topic (up to the smallest batch size of its handlers), handed on when full,
    /// before a message of another topic with a correlation in the batch, and at the end of the page.
    /// So each correlation keeps its order, and a failed message holds back the rest of its correlation.
    /// </summary>
    public async Task<PublishedPage> PublishPageAsync(IReadOnlyList<ExchangeMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var page = new PublishedPage.Builder();
        var waiting = new Dictionary<string, List<ExchangeMessage>>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (page.IsHeld(message))
            {
                continue;
            }

            if (BatchSize(message.Topic) is { } size)
            {
                var batch = waiting.TryGetValue(message.Topic, out var open) ? open : waiting[message.Topic] = new List<ExchangeMessage>(size);
                batch.Add(message);
                if (batch.Count == size)
                {
                    await HandOnAsync(batch, page, cancellationToken);
                }

                continue;
            }

            foreach (var batch in waiting.Values.Where(b => b.Exists(m => m.CorrelationId == message.CorrelationId)))
            {
                await HandOnAsync(batch, page, cancellationToken);
            }

            if (!page.IsHeld(message))
            {
                await page.PublishAsync(this, message, cancellationToken);
            }
        }

        foreach (var batch in waiting.Values)
        {
            await HandOnAsync(batch, page, cancellationToken);
        }

        return page.Build();
    }

    /// <summary>The batch size of a topic whose handlers all take batches; null for any other topic.</summary>
    private int? BatchSize(string topic)
    {
        var topicHandlers = byTopic[topic];
        return topicHandlers.Any() && topicHandlers.All(h => h is IBatchMessageHandler) ? topicHandlers.Min(h => h.BatchSize()) : null;
    }

    /// <summary>Hands the batch to each handler of its topic, records each message's outcome in order, and empties the batch.</summary>
    private async Task HandOnAsync(List<ExchangeMessage> batch, PublishedPage.Builder page, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var failures = new Exception?[batch.Count];
        foreach (var handler in byTopic[batch[0].Topic])
        {
            try
            {
                var deliveries = await handler.HandleAsync(batch, cancellationToken);
                for (var i = 0; i < batch.Count; i++)
                {
                    failures[i] ??= await SettleAsync(batch[i], deliveries[i], cancellationToken);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                Array.Fill(failures, e);
            }
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (page.IsHeld(batch[i]))
            {
                continue;
            }

            if (failures[i] is { } failure)
            {
                page.Failed(batch[i], failure);
            }
            else
            {
                page.Accepted(batch[i]);
            }
        }

        batch.Clear();
    }

    /// <summary>Sets a rejected message aside; the failure of one to retry; null when it is handled.</summary>
    private async Task<Exception?> SettleAsync(ExchangeMessage message, Delivery delivery, CancellationToken cancellationToken)
    {
        switch (delivery.Outcome)
        {
            case DeliveryOutcome.Handled:
                return null;
            case DeliveryOutcome.Rejected:
                await deadLetters.SetAsideAsync(message, delivery.Reason ?? "rejected", clock.GetUtcNow(), cancellationToken);
                return null;
            default:
                return new MessageNotDeliveredException(message.Id, delivery.Reason ?? "retry later");
        }
    }
}
