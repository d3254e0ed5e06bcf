namespace LegalAidReferral.Core.Messaging;

/// <summary>What publishing a page of the outbox did: the ids the exchange accepted, and the first failure if there was one.</summary>
public sealed record PublishedPage(IReadOnlyList<Guid> Published, Exception? Failure)
{
    /// <summary>Collects a page's outcome and the correlations a failure holds back.</summary>
    public sealed class Builder
    {
        private readonly HashSet<string> held = new(StringComparer.Ordinal);
        private readonly List<Guid> published = [];
        private Exception? failure;

        /// <summary>Whether an earlier message of its correlation was not accepted, so this one must wait.</summary>
        public bool IsHeld(ExchangeMessage message) => held.Contains(message.CorrelationId);

        public void Accepted(ExchangeMessage message) => published.Add(message.Id);

        /// <summary>Publishes one message through <paramref name="publisher"/> and records whether it was accepted.</summary>
        public async Task PublishAsync(IMessagePublisher publisher, ExchangeMessage message, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(publisher);
            try
            {
                await publisher.PublishAsync(message, cancellationToken);
                Accepted(message);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                Failed(message, e);
            }
        }

        /// <summary>Not accepted: holds back the rest of its correlation.</summary>
        public void Failed(ExchangeMessage message, Exception reason)
        {
            failure ??= reason;
            held.Add(message.CorrelationId);
        }

        public PublishedPage Build() => new(published, failure);
    }
}
