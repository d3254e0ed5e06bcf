namespace LegalAidReferral.Infrastructure.Exchange;

/// <summary>A receiver asked for the message again later; the relay keeps it and retries.</summary>
public sealed class MessageNotDeliveredException(Guid messageId, string reason)
    : Exception($"Message {messageId} was not delivered: {reason}")
{
    public Guid MessageId { get; } = messageId;
}
