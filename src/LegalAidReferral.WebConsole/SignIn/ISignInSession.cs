namespace LegalAidReferral.WebConsole.SignIn;

/// <summary>The signed-in user and the token the API client sends, whichever way they signed in.</summary>
public interface ISignInSession
{
    StaffUser? User { get; }

    event Action? Changed;

    /// <summary>Restores a sign-in kept by the browser (this tab's development token, or the OIDC session).</summary>
    Task RestoreAsync();

    Task<string?> AccessTokenAsync();

    Task SignOutAsync();
}
