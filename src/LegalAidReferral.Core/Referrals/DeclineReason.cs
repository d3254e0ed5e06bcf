namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// Why a receiving office declined a referral, as a code the review can count (the written
/// <see cref="ReferralStep.Reason"/> never leaves the offices). Required on every decline;
/// <see cref="Other"/> needs the written reason too.
/// </summary>
public enum DeclineReason
{
    /// <summary>The office has no defender free to take it.</summary>
    NoCapacity,

    /// <summary>The matter or the client is outside what the office may take on.</summary>
    OutsideMandate,

    /// <summary>The office represents, or represented, an opposing party.</summary>
    ConflictOfInterest,

    /// <summary>The office could not reach the client.</summary>
    ClientUnreachable,

    /// <summary>Another reason, which the written reason states.</summary>
    Other,
}
