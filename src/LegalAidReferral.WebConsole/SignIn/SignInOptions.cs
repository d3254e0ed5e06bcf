namespace LegalAidReferral.WebConsole.SignIn;

/// <summary>
/// <c>SignIn</c> in wwwroot/appsettings.json. With no <see cref="Authority"/> the console offers the
/// standalone host's development sign-in; with one, OIDC (authorization code with PKCE) against it.
/// </summary>
public sealed class SignInOptions
{
    /// <summary>e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The console's own app registration (a single-page application).</summary>
    public string? ClientId { get; set; }

    /// <summary>The API's scope, e.g. <c>api://legalaidreferral/access_as_user</c>.</summary>
    public string? ApiScope { get; set; }

    /// <summary>The claim holding the office id (the API's <c>Identity:OfficeClaimType</c>).</summary>
    public string OfficeClaim { get; set; } = "officeId";

    public bool UsesOidc => !string.IsNullOrWhiteSpace(Authority);
}
