namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// Why a referral was allowed to leave: the client's <c>share-with-office</c> consent
/// (<see cref="ConsentId"/>), or a supervisor's override of the consent gate (flagged to reviewers).
/// </summary>
public sealed record ConsentBasis(Guid? ConsentId, ConsentOverride? Override)
{
    public bool Overridden => Override is not null;
}

/// <summary>A supervisor sent a referral without a consent covering the office, for this written reason.</summary>
public sealed record ConsentOverride(string Reason, string By, DateTimeOffset At);
