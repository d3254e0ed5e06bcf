namespace LegalAidReferral.Core.Messaging;

/// <summary>
/// The receiving side of a topic. Every exchange adapter calls it the same way (the in-process
/// exchange directly, the Service Bus drain for each received message), so a <c>ServiceBusTrigger</c>
/// function could call it unchanged. It must be idempotent: a message handled before answers
/// <see cref="Delivery.Handled"/> again and changes nothing.
/// </summary>
public interface IMessageHandler
{
    string Topic { get; }

    Task<Delivery> HandleAsync(ExchangeMessage message, CancellationToken cancellationToken);
}
