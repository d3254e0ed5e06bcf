namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// One message of a referral's thread, as a copy holds it. The office that posted it holds it with
/// <see cref="DeliveredAt"/> (set when the other office's receipt comes back); the other office holds
/// the same message, same id and time, with <see cref="ReceivedAt"/>. Staff type the text freely, so it
/// may hold personal data: it travels only to the other office of the referral, never in a protocol
/// event, an audit entry, a log or a problem, and a receiving copy blanks it when the client withdraws
/// the consent (<see cref="TextWithdrawnAt"/>).
/// </summary>
/// <param name="AuthorId">The staff member's user id.</param>
/// <param name="Text">Null once withdrawn.</param>
/// <param name="DeliveredAt">On the posting office's copy: when the other office stored it; null until its receipt arrives.</param>
/// <param name="ReceivedAt">On the other office's copy: when this copy stored it; null on the posting office's copy.</param>
public sealed record ThreadMessage(
    Guid Id,
    string FromOfficeId,
    string AuthorId,
    DateTimeOffset At,
    string? Text,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? TextWithdrawnAt);

/// <summary>What the exchange carries of a thread message to the other office.</summary>
public sealed record PostedMessage(Guid ReferralId, Guid Id, string FromOfficeId, string AuthorId, DateTimeOffset At, string Text);

/// <summary>The other office's answer once it stored a thread message: the poster's copy marks it delivered.</summary>
public sealed record MessageReceipt(Guid ReferralId, Guid MessageId, DateTimeOffset ReceivedAt);
