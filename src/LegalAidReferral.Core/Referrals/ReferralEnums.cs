namespace LegalAidReferral.Core.Referrals;

/// <summary>What the sending office asks for: to take over the case, or one kind of cooperation.</summary>
public enum ReferralKind
{
    Representation,
    Documents,
    SocialReport,
    PowerOfAttorney,
    CaseLaw,
    ApplicableLaw,

    /// <summary>A cooperation request of another kind, described in <see cref="Referral.KindDescription"/>.</summary>
    Other,
}

public enum ReferralStatus
{
    Sent,
    Acknowledged,
    Accepted,
    Declined,
    Assigned,

    /// <summary>First contact with the client was made.</summary>
    InProgress,
    Completed,
    Closed,
    Revoked,
}

/// <summary>The steps of a referral. <see cref="Send"/> creates it; every other action is a row of <see cref="ReferralActions"/>.</summary>
public enum ReferralAction
{
    Send,
    Acknowledge,
    Accept,
    Decline,
    Assign,
    FirstContact,
    Outcome,
    Revoke,
    Close,
}

/// <summary>Who takes a step: staff of the sending office, staff of the receiving office, or the service itself.</summary>
public enum ReferralSide
{
    SendingOffice,
    ReceivingOffice,
    System,
}

/// <summary>Which office's copy a <see cref="Referral"/> is: each office keeps its own, in its own partition.</summary>
public enum ReferralCopy
{
    Sending,
    Receiving,
}

/// <summary>The protocol deadlines a referral step can start and meet.</summary>
public enum DeadlineKind
{
    Acknowledge,
    Decide,
    FirstContact,
    OutcomeReport,
}
