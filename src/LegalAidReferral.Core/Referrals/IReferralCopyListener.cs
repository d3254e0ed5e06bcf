namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// Told of an office's copy of a referral each time a delivered message was applied to it (a redelivery
/// included, so a listener must be idempotent), after the copy and its case effects are stored. An
/// exception leaves the message to be delivered again.
/// </summary>
public interface IReferralCopyListener
{
    Task CopyChangedAsync(Referral copy, CancellationToken cancellationToken);
}
