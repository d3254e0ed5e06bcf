namespace LegalAidReferral.Core.Identity;

/// <summary>Application roles, as Entra ID app roles of the same names.</summary>
public enum Role
{
    Defender,
    Supervisor,
    OfficeAdmin,
    RegionalReviewer,
}
