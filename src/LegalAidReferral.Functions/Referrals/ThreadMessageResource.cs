using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Functions.Referrals;

/// <summary>
/// One message of a referral's thread as the API shows it to the office holding the copy: who wrote it,
/// from which office, when, the text (null once withdrawn), and how far it went: <c>pending</c> (this
/// office's, not yet stored by the other office), <c>delivered</c> (this office's, stored by the other
/// office at <c>deliveredAt</c>) or <c>received</c> (the other office's, stored here at <c>receivedAt</c>).
/// </summary>
public sealed record ThreadMessageResource(
    Guid Id,
    string FromOfficeId,
    string AuthorUserId,
    DateTimeOffset At,
    string? Text,
    DateTimeOffset? TextWithdrawnAt,
    ThreadDelivery Delivery,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? ReceivedAt)
{
    public static ThreadMessageResource Of(ThreadMessage m) => new(
        m.Id,
        m.FromOfficeId,
        m.AuthorId,
        m.At,
        m.Text,
        m.TextWithdrawnAt,
        m.ReceivedAt is not null ? ThreadDelivery.Received : m.DeliveredAt is not null ? ThreadDelivery.Delivered : ThreadDelivery.Pending,
        m.DeliveredAt,
        m.ReceivedAt);
}

public enum ThreadDelivery
{
    Pending,
    Delivered,
    Received,
}
