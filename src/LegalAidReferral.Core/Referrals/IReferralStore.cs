using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Messaging;

namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// Port: the referral copies each office holds, in that office's partition. Every write stores the
/// copy, the messages the change sends (the outbox) and its audit entries atomically; a write of a
/// received message also records the message id, so a redelivery changes nothing.
/// </summary>
public interface IReferralStore
{
    Task<Referral?> FindAsync(string holderOfficeId, Guid referralId, CancellationToken cancellationToken);

    /// <summary>
    /// The copies the office holds, newest first, one direction, optionally one status; without their
    /// threads (<see cref="Referral.Thread"/> empty: read a copy with <see cref="FindAsync"/> to change it).
    /// </summary>
    Task<Page<Referral>> ListAsync(string holderOfficeId, ReferralQuery query, PageRequest page, CancellationToken cancellationToken);

    /// <summary>The sending copies of one case (for a consent withdrawal, which changes them), oldest first, with their threads.</summary>
    Task<IReadOnlyList<Referral>> ListForCaseAsync(string officeId, Guid caseId, CancellationToken cancellationToken);

    /// <summary>
    /// Every office's copies the deadline sweep must look at: those not in a final status, and those
    /// with an alert still open (a final step cancels their deadlines, so their alerts are cleared). Without
    /// their threads, as <see cref="ListAsync"/>.
    /// </summary>
    Task<Page<Referral>> ListForSweepAsync(string? continuationToken, int limit, CancellationToken cancellationToken);

    /// <summary>Stores a new copy; false if the office already holds a referral with its id.</summary>
    Task<bool> TryCreateAsync(Referral copy, IReadOnlyList<ExchangeMessage> messages, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken);

    /// <summary>Replaces a copy at <paramref name="expectedVersion"/>; false if it has moved on.</summary>
    Task<bool> TryReplaceAsync(Referral copy, long expectedVersion, IReadOnlyList<ExchangeMessage> messages, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a copy changed by a received message (created when <paramref name="expectedVersion"/> is
    /// null), with the messages it sends back (a thread message's receipt), and records the message as
    /// handled by the holder; false, with nothing written, if the message was handled before or the copy
    /// moved on (the caller reads it again and decides anew).
    /// </summary>
    Task<bool> TryReceiveAsync(
        Referral copy, long? expectedVersion, Guid messageId, IReadOnlyList<ExchangeMessage> messages, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken);
}

/// <summary>Incoming (this office receives) or outgoing (this office sent).</summary>
public enum ReferralDirection
{
    Incoming,
    Outgoing,
}

public sealed record ReferralQuery(ReferralDirection Direction, ReferralStatus? Status);
