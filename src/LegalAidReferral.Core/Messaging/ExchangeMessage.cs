namespace LegalAidReferral.Core.Messaging;

/// <summary>
/// A message between offices (or to the regional review) that a change must send: saved in the same
/// transaction (or document) as the change, published afterwards by <see cref="RelayOutbox"/> and
/// handled by an <see cref="IMessageHandler"/> of the receiving side. Its <see cref="Id"/> is the message id every
/// receiver de-duplicates by, so publishing it twice after a crash is harmless.
/// </summary>
/// <param name="Topic">Where it goes: <see cref="Topics"/>.</param>
/// <param name="Subject">What it says, e.g. a referral step; receivers dispatch on it.</param>
/// <param name="FromOfficeId">The office whose change sent it.</param>
/// <param name="ToOfficeId">The receiving office, or null for a topic every subscriber reads (protocol events).</param>
/// <param name="CorrelationId">The aggregate it belongs to (e.g. the referral id), so a receiver can keep its steps in order.</param>
/// <param name="Body">The JSON body, with its own schema version; never personal data beyond what its receiver may hold.</param>
public sealed record ExchangeMessage(
    Guid Id,
    string Topic,
    string Subject,
    string FromOfficeId,
    string? ToOfficeId,
    string CorrelationId,
    string Body,
    DateTimeOffset CreatedAt);
