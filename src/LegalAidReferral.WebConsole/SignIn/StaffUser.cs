namespace LegalAidReferral.WebConsole.SignIn;

/// <summary>Who is signed in, as the API sees them: read from the access token the console sends.</summary>
public sealed record StaffUser(string UserId, string DisplayName, string OfficeId, IReadOnlyList<string> Roles)
{
    public bool IsCaseWorker => Roles.Contains(RoleNames.Defender) || Roles.Contains(RoleNames.Supervisor);

    public bool IsSupervisor => Roles.Contains(RoleNames.Supervisor);

    public bool IsOfficeAdmin => Roles.Contains(RoleNames.OfficeAdmin);

    public bool IsRegionalReviewer => Roles.Contains(RoleNames.RegionalReviewer);
}

/// <summary>The API's app roles (docs/access.md).</summary>
public static class RoleNames
{
    public const string Defender = "Defender";
    public const string Supervisor = "Supervisor";
    public const string OfficeAdmin = "OfficeAdmin";
    public const string RegionalReviewer = "RegionalReviewer";
}
