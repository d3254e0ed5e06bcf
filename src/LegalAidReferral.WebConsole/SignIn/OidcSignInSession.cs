using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.WebAssembly.Authentication;

namespace LegalAidReferral.WebConsole.SignIn;

/// <summary>
/// Entra ID (or any OIDC provider) through the framework's generic OIDC support: authorization code
/// with PKCE, tokens for the API's scope from <see cref="IAccessTokenProvider"/>.
/// </summary>
public sealed class OidcSignInSession(IAccessTokenProvider tokens, NavigationManager navigation, SignInOptions options) : ISignInSession
{
    private string? _token;

    public StaffUser? User { get; private set; }

    public event Action? Changed;

    public async Task RestoreAsync() => await AccessTokenAsync();

    public async Task<string?> AccessTokenAsync()
    {
        var result = await tokens.RequestAccessToken(new AccessTokenRequestOptions { Scopes = [options.ApiScope!] });
        var token = result.TryGetToken(out var accessToken) ? accessToken.Value : null;
        if (token != _token)
        {
            _token = token;
            User = token is null ? null : AccessTokenClaims.Read(token, options.OfficeClaim);
            Changed?.Invoke();
        }

        return token;
    }

    public void SignIn() => navigation.NavigateToLogin("authentication/login");

    public Task SignOutAsync()
    {
        navigation.NavigateToLogout("authentication/logout");
        return Task.CompletedTask;
    }
}
