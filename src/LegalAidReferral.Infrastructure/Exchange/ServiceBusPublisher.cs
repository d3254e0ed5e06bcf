using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;
using LegalAidReferral.Core.Messaging;

namespace LegalAidReferral.Infrastructure.Exchange;

/// <summary>
/// Publishes to the Service Bus topic named like the message's topic, with one sender per topic for
/// the life of the process (senders are thread-safe and hold the AMQP link).
/// </summary>
public sealed class ServiceBusPublisher(Func<string, ServiceBusSender> senderFor) : IMessagePublisher
{
    private readonly ConcurrentDictionary<string, ServiceBusSender> senders = new(StringComparer.Ordinal);

    public Task PublishAsync(ExchangeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return senders.GetOrAdd(message.Topic, senderFor).SendMessageAsync(ServiceBusContract.ToServiceBus(message), cancellationToken);
    }
}
