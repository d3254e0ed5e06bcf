using System.Diagnostics.CodeAnalysis;
using Azure.Messaging.ServiceBus;
using LegalAidReferral.Core.Messaging;

namespace LegalAidReferral.Infrastructure.Exchange;

/// <summary>
/// How an <see cref="ExchangeMessage"/> travels on Service Bus (docs/exchange.md): MessageId = the
/// message id (so the broker's duplicate detection helps), CorrelationId = the aggregate (referral) id,
/// Subject = the step, the body as UTF-8 JSON, and the offices as application properties, which the
/// per-office subscriptions filter on.
/// </summary>
public static class ServiceBusContract
{
    public const string ToOfficeId = "toOfficeId";

    /// <summary>The regional review's subscription of the protocol-events topic (the hub creates it; the review's deployment drains it).</summary>
    public const string ReviewSubscription = "regional-review";
    public const string FromOfficeId = "fromOfficeId";
    public const string CreatedAt = "createdAt";
    public const string JsonContentType = "application/json";

    public static ServiceBusMessage ToServiceBus(ExchangeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sent = new ServiceBusMessage(BinaryData.FromString(message.Body))
        {
            MessageId = message.Id.ToString("D"),
            CorrelationId = message.CorrelationId,
            Subject = message.Subject,
            ContentType = JsonContentType,
        };
        sent.ApplicationProperties[FromOfficeId] = message.FromOfficeId;
        sent.ApplicationProperties[CreatedAt] = message.CreatedAt;
        if (message.ToOfficeId is not null)
        {
            sent.ApplicationProperties[ToOfficeId] = message.ToOfficeId;
        }

        return sent;
    }

    /// <summary>Reads a received message back; false (with what is wrong, no content) when it does not follow the contract.</summary>
    public static bool TryRead(
        ServiceBusReceivedMessage received, string topic, [NotNullWhen(true)] out ExchangeMessage? message, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(received);
        message = null;
        problem = null;
        if (!Guid.TryParseExact(received.MessageId, "D", out var id))
        {
            problem = "MessageId is not a message id.";
        }
        else if (string.IsNullOrEmpty(received.Subject) || string.IsNullOrEmpty(received.CorrelationId))
        {
            problem = "Subject or CorrelationId is missing.";
        }
        else if (received.ContentType != JsonContentType)
        {
            problem = "ContentType is not application/json.";
        }
        else if (!received.ApplicationProperties.TryGetValue(FromOfficeId, out var from) || from is not string fromOffice
            || !received.ApplicationProperties.TryGetValue(CreatedAt, out var created) || created is not DateTimeOffset createdAt)
        {
            problem = $"The {FromOfficeId} or {CreatedAt} property is missing.";
        }
        else
        {
            var toOffice = received.ApplicationProperties.TryGetValue(ToOfficeId, out var to) ? to as string : null;
            message = new ExchangeMessage(id, topic, received.Subject, fromOffice, toOffice, received.CorrelationId, received.Body.ToString(), createdAt);
        }

        return message is not null;
    }
}
