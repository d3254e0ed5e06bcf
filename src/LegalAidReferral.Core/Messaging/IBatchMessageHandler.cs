namespace LegalAidReferral.Core.Messaging;

/// <summary>
/// A handler that takes several messages of its topic at once (the review records a batch of protocol
/// events in one write). The exchange adapters hand it up to <see cref="MaxBatchSize"/> messages a call,
/// in the order they arrived; other handlers get one message at a time.
/// </summary>
public interface IBatchMessageHandler : IMessageHandler
{
    /// <summary>The most messages one call of <see cref="HandleBatchAsync"/> takes.</summary>
    int MaxBatchSize { get; }

    /// <summary>
    /// Handles the messages as <see cref="IMessageHandler.HandleAsync"/> handles each (idempotent by
    /// message id, duplicates inside the batch included): one delivery per message, in their order. A
    /// failure that throws leaves the whole batch to be delivered again.
    /// </summary>
    Task<IReadOnlyList<Delivery>> HandleBatchAsync(IReadOnlyList<ExchangeMessage> messages, CancellationToken cancellationToken);
}
