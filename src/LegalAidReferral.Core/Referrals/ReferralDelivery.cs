using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// A sent referral as it travels to the receiving office: everything of the sending copy but the
/// case id, with the shared package. The receiving office builds its copy from it (<see cref="ReferralExchange.Receive(Referral?, ReferralDelivery, DateTimeOffset)"/>).
/// </summary>
public sealed record ReferralDelivery(
    Guid ReferralId,
    string FromOfficeId,
    string ToOfficeId,
    string FromCountry,
    string ToCountry,
    ReferralKind Kind,
    string? KindDescription,
    Priority Priority,
    string Reason,
    SharedPackage Package,
    IReadOnlyList<string> DocumentIds,
    ConsentBasis Consent,
    ReferralCategories Categories,
    ReferralStep Sent,
    IReadOnlyList<ReferralDeadline> Deadlines,
    DateTimeOffset CreatedAt);
