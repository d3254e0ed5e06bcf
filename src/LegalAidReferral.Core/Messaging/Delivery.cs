namespace LegalAidReferral.Core.Messaging;

/// <summary>What a handler made of a message.</summary>
public sealed record Delivery(DeliveryOutcome Outcome, string? Reason)
{
    /// <summary>Applied now or before: the exchange may forget the message.</summary>
    public static readonly Delivery Handled = new(DeliveryOutcome.Handled, null);

    /// <summary>Not applicable yet (e.g. a step whose predecessor has not arrived) or a transient failure: deliver it again later.</summary>
    public static Delivery RetryLater(string reason) => new(DeliveryOutcome.RetryLater, reason);

    /// <summary>Can never be handled (unknown subject, unreadable body): set aside with the reason, never retried.</summary>
    public static Delivery Rejected(string reason) => new(DeliveryOutcome.Rejected, reason);
}

public enum DeliveryOutcome
{
    Handled,
    RetryLater,
    Rejected,
}
