namespace LegalAidReferral.Core.Messaging;

/// <summary>
/// Port: the exchange between offices (in-process in the standalone host, Azure Service Bus on Azure).
/// A publish that returns has been accepted by the exchange; one that throws may or may not have been,
/// so the relay publishes it again and receivers de-duplicate by message id.
/// </summary>
public interface IMessagePublisher
{
    Task PublishAsync(ExchangeMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Publishes a page of the outbox in its order. When a message is not accepted, the later messages
    /// of its correlation are not published by this call, so no step overtakes an earlier one, while
    /// other correlations go on. A publisher that can hand several messages on at once overrides this;
    /// the default publishes one message at a time.
    /// </summary>
    async Task<PublishedPage> PublishPageAsync(IReadOnlyList<ExchangeMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var page = new PublishedPage.Builder();
        foreach (var message in messages)
        {
            if (!page.IsHeld(message))
            {
                await page.PublishAsync(this, message, cancellationToken);
            }
        }

        return page.Build();
    }
}
