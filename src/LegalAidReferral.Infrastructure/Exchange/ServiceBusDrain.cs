using Azure.Messaging.ServiceBus;
using LegalAidReferral.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace LegalAidReferral.Infrastructure.Exchange;

/// <summary>
/// Drains one subscription (a timer-triggered function calls it; the Service Bus trigger extension is
/// not available here) through the topic's handler: a handled message is completed, one to retry is
/// abandoned (Service Bus delivers it again) until <see cref="MaxDeliveryAttempts"/>, and one that can
/// never be handled, or that ran out of attempts, is dead-lettered with the reason. Logs carry ids and
/// reasons only, never a body.
/// </summary>
public sealed class ServiceBusDrain(ServiceBusReceiver receiver, string topic, IMessageHandler handler, ILogger logger)
{
    public const int MaxDeliveryAttempts = 10;

    /// <summary>What one drain did, message by message.</summary>
    public sealed record Outcome(int Completed, int Abandoned, int DeadLettered);

    public async Task<Outcome> DrainAsync(int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var received = await receiver.ReceiveMessagesAsync(maxMessages, maxWait, cancellationToken);
        int completed = 0, abandoned = 0, deadLettered = 0;
        foreach (var one in received)
        {
            if (!ServiceBusContract.TryRead(one, topic, out var message, out var problem))
            {
                await DeadLetterAsync(one, "unreadable", problem, cancellationToken);
                deadLettered++;
                continue;
            }

            var delivery = await HandleAsync(message, cancellationToken);
            switch (delivery.Outcome)
            {
                case DeliveryOutcome.Handled:
                    await receiver.CompleteMessageAsync(one, cancellationToken);
                    completed++;
                    break;
                case DeliveryOutcome.Rejected:
                    await DeadLetterAsync(one, "rejected", delivery.Reason, cancellationToken);
                    deadLettered++;
                    break;
                case DeliveryOutcome.RetryLater when one.DeliveryCount >= MaxDeliveryAttempts:
                    await DeadLetterAsync(one, "retry-limit", delivery.Reason, cancellationToken);
                    deadLettered++;
                    break;
                default:
                    await receiver.AbandonMessageAsync(one, cancellationToken: cancellationToken);
                    abandoned++;
                    break;
            }
        }

        return new Outcome(completed, abandoned, deadLettered);
    }

    private async Task<Delivery> HandleAsync(ExchangeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await handler.HandleAsync(message, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Handling message {MessageId} ({Subject}) failed with {ExceptionType}; it will be delivered again.", message.Id, message.Subject, e.GetType().Name);
            return Delivery.RetryLater("handler-failed");
        }
    }

    private Task DeadLetterAsync(ServiceBusReceivedMessage message, string reason, string? description, CancellationToken cancellationToken)
    {
        logger.LogWarning("Dead-lettering message {MessageId}: {Reason} ({Description}).", message.MessageId, reason, description);
        return receiver.DeadLetterMessageAsync(message, reason, description, cancellationToken);
    }
}
