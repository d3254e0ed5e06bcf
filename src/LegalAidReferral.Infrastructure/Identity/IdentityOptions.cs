namespace LegalAidReferral.Infrastructure.Identity;

/// <summary>
/// Which token claims name the caller and their office, bound from the <c>Identity</c> configuration
/// section. Entra ID has no built-in office claim: each tenant adds one (an optional claim, a
/// directory extension or a claims-mapping policy) under a name of its choosing.
/// </summary>
public sealed class IdentityOptions
{
    public const string SectionName = "Identity";

    public string OfficeClaimType { get; set; } = "officeId";

    /// <summary>
    /// The claim with the user's stable id. <c>oid</c> is the same across every app of the tenant;
    /// tokens without it (other issuers) fall back to <c>sub</c>.
    /// </summary>
    public string UserIdClaimType { get; set; } = "oid";
}
