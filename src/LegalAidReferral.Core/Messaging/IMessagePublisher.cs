namespace LegalAidReferral.Core.Messaging;

/// <summary>
/// Port: the exchange between offices (in-process in the standalone host, Azure Service Bus on Azure).
/// A publish that returns has been accepted by the exchange; one that throws may or may not have been,
/// so the relay publishes it again and receivers de-duplicate by message id.
/// </summary>
public interface IMessagePublisher
{
    Task PublishAsync(ExchangeMessage message, CancellationToken cancellationToken);
}
