namespace LegalAidReferral.Core.Review;

/// <summary>The counts an aggregate cell keeps (their order is the storage order: append only).</summary>
public enum Tally
{
    Sent,
    SentWithOverride,
    Acknowledged,
    AcknowledgedWithinDeadline,
    Decided,
    DecidedWithinDeadline,
    Accepted,
    Declined,
    FirstContacts,
    FirstContactsWithinDeadline,
    Outcomes,
    OutcomesSuccessful,
    OutcomesWithinDeadline,
    Revoked,
    RevokedOnConsentWithdrawal,
    Closed,

    /// <summary>Declines by <see cref="Referrals.DeclineReason"/> code (a decline without a known code counts in none: unspecified).</summary>
    DeclinedNoCapacity,
    DeclinedOutsideMandate,
    DeclinedConflictOfInterest,
    DeclinedClientUnreachable,
    DeclinedOther,
}
