using Azure.Messaging.ServiceBus;
using LegalAidReferral.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace LegalAidReferral.Infrastructure.Exchange;

/// <summary>
/// Drains one subscription (a timer-triggered function calls it; the Service Bus trigger extension is
/// not available here) through the topic's handler: a handled message is completed, one to retry is
/// abandoned (Service Bus delivers it again) until <see cref="MaxDeliveryAttempts"/>, and one that can
/// never be handled, or that ran out of attempts, is dead-lettered with the reason. Logs carry ids and
/// reasons only, never a body. A handler that takes batches (<see cref="IBatchMessageHandler"/>, the
/// review) gets the readable messages of a receive in batches, and each message is settled only after
/// its batch was handled: a crash in between delivers the batch again, and the handler de-duplicates it.
/// </summary>
public sealed class ServiceBusDrain(ServiceBusReceiver receiver, string topic, IMessageHandler handler, ILogger logger)
{
    public const int MaxDeliveryAttempts = 10;

    /// <summary>What one drain did, message by message.</summary>
    public sealed record Outcome(int Completed, int Abandoned, int DeadLettered);

    public async Task<Outcome> DrainAsync(int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var received = await receiver.ReceiveMessagesAsync(maxMessages, maxWait, cancellationToken);
        var readable = new List<(ServiceBusReceivedMessage Received, ExchangeMessage Message)>(received.Count);
        var deadLettered = 0;
        foreach (var one in received)
        {
            if (ServiceBusContract.TryRead(one, topic, out var message, out var problem))
            {
                readable.Add((one, message));
            }
            else
            {
                await DeadLetterAsync(one, "unreadable", problem, cancellationToken);
                deadLettered++;
            }
        }

        var outcome = new Outcome(0, 0, deadLettered);
        foreach (var batch in readable.Chunk(handler.BatchSize()))
        {
            var deliveries = await HandleAsync(batch.Select(b => b.Message).ToArray(), cancellationToken);
            for (var i = 0; i < batch.Length; i++)
            {
                outcome = await SettleAsync(batch[i].Received, deliveries[i], outcome, cancellationToken);
            }
        }

        return outcome;
    }

    /// <summary>Completes, dead-letters or abandons the message as its delivery says; the outcome with it counted.</summary>
    private async Task<Outcome> SettleAsync(ServiceBusReceivedMessage one, Delivery delivery, Outcome outcome, CancellationToken cancellationToken)
    {
        switch (delivery.Outcome)
        {
            case DeliveryOutcome.Handled:
                await receiver.CompleteMessageAsync(one, cancellationToken);
                return outcome with { Completed = outcome.Completed + 1 };
            case DeliveryOutcome.Rejected:
                await DeadLetterAsync(one, "rejected", delivery.Reason, cancellationToken);
                return outcome with { DeadLettered = outcome.DeadLettered + 1 };
            case DeliveryOutcome.RetryLater when one.DeliveryCount >= MaxDeliveryAttempts:
                await DeadLetterAsync(one, "retry-limit", delivery.Reason, cancellationToken);
                return outcome with { DeadLettered = outcome.DeadLettered + 1 };
            default:
                await receiver.AbandonMessageAsync(one, cancellationToken: cancellationToken);
                return outcome with { Abandoned = outcome.Abandoned + 1 };
        }
    }

    /// <summary>The batch through the handler (one message at a time unless it takes batches); a failure asks for all of them again.</summary>
    private async Task<IReadOnlyList<Delivery>> HandleAsync(IReadOnlyList<ExchangeMessage> batch, CancellationToken cancellationToken)
    {
        try
        {
            return await handler.HandleAsync(batch, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(
                "Handling {Count} messages from {MessageId} ({Subject}) failed with {ExceptionType}; they will be delivered again.",
                batch.Count, batch[0].Id, batch[0].Subject, e.GetType().Name);
            return [.. batch.Select(_ => Delivery.RetryLater("handler-failed"))];
        }
    }

    private Task DeadLetterAsync(ServiceBusReceivedMessage message, string reason, string? description, CancellationToken cancellationToken)
    {
        logger.LogWarning("Dead-lettering message {MessageId}: {Reason} ({Description}).", message.MessageId, reason, description);
        return receiver.DeadLetterMessageAsync(message, reason, description, cancellationToken);
    }
}
