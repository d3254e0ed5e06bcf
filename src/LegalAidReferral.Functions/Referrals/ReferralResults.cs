using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Functions.Cases;
using LegalAidReferral.Functions.Http;

namespace LegalAidReferral.Functions.Referrals;

/// <summary>How a referral copy goes back to the caller: its representation, its ETag and its address.</summary>
public static class ReferralResults
{
    public static string LocationOf(Guid referralId) => $"/api/referrals/{referralId}";

    public static JsonBodyResult Ok(Referral referral, Caller caller) =>
        new(200, ReferralResource.Of(referral, caller)) { ETag = ETags.Of(referral.Version) };

    public static JsonBodyResult Created(Referral referral, bool replayed, Caller caller) =>
        new(201, ReferralResource.Of(referral, caller))
        {
            ETag = ETags.Of(referral.Version),
            Location = LocationOf(referral.Id),
            Headers = replayed ? CaseResults.ReplayedHeader : null,
        };
}
