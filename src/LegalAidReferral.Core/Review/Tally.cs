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
}
