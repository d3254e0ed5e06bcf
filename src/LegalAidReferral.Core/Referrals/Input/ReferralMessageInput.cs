namespace LegalAidReferral.Core.Referrals.Input;

/// <summary>The body of <c>POST /api/referrals/{referralId}/messages</c>.</summary>
public sealed record ReferralMessageInput
{
    public string? Text { get; init; }
}
