namespace LegalAidReferral.Core.Messaging;

/// <summary>How an exchange adapter hands messages to any handler: in batches to one that takes them, one at a time otherwise.</summary>
public static class MessageBatches
{
    /// <summary>The most messages <see cref="HandleAsync"/> hands <paramref name="handler"/> at once.</summary>
    public static int BatchSize(this IMessageHandler handler) => handler is IBatchMessageHandler batches ? batches.MaxBatchSize : 1;

    /// <summary>One delivery per message of <paramref name="batch"/> (at most <see cref="BatchSize"/> messages), in order.</summary>
    public static async Task<IReadOnlyList<Delivery>> HandleAsync(this IMessageHandler handler, IReadOnlyList<ExchangeMessage> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count > handler.BatchSize())
        {
            throw new ArgumentException($"A batch of {batch.Count} messages is more than the handler of {handler.Topic} takes ({handler.BatchSize()}).", nameof(batch));
        }

        if (batch.Count == 0)
        {
            return [];
        }

        return handler is IBatchMessageHandler batches
            ? await batches.HandleBatchAsync(batch, cancellationToken)
            : [await handler.HandleAsync(batch[0], cancellationToken)];
    }
}
