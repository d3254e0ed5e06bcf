using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Access;

/// <summary>
/// Port: whether a referral connects a staff member's office to data of another office (the
/// receiving office's staff reaching what the sending office shared). Referrals do not exist yet,
/// so the only adapter is <see cref="NoReferrals"/>.
/// </summary>
public interface IReferralReach
{
    ValueTask<bool> ReachesAsync(StaffCaller caller, AccessTarget target, CancellationToken cancellationToken);
}

/// <summary>No referral connects any two offices.</summary>
public sealed class NoReferrals : IReferralReach
{
    public ValueTask<bool> ReachesAsync(StaffCaller caller, AccessTarget target, CancellationToken cancellationToken) => ValueTask.FromResult(false);
}
