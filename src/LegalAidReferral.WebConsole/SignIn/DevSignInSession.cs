using LegalAidReferral.WebConsole.Api;
using Microsoft.JSInterop;

namespace LegalAidReferral.WebConsole.SignIn;

/// <summary>
/// The standalone host's development sign-in (<c>GET /dev/users</c>, <c>POST /dev/token</c>), which
/// exists only while the host runs with it on. The token is kept in this tab's session storage, so two
/// tabs can be two users.
/// </summary>
public sealed class DevSignInSession(HttpClient anonymous, IJSRuntime js, SignInOptions options) : ISignInSession
{
    private const string StorageKey = "legalaidreferral.devToken";
    private readonly ConsoleApi _host = new(anonymous);
    private string? _token;

    public StaffUser? User { get; private set; }

    public event Action? Changed;

    public async Task RestoreAsync()
    {
        var stored = await js.InvokeAsync<string?>("sessionStorage.getItem", StorageKey);
        Accept(stored);
    }

    /// <summary>The demo users; 404 when the host has development sign-in off.</summary>
    public Task<ApiResult<IReadOnlyList<DevUser>>> UsersAsync() => _host.DevUsersAsync();

    /// <summary>Signs the user in; the problem when the host refused or could not be reached.</summary>
    public async Task<Problem?> SignInAsync(string userId)
    {
        var token = await _host.DevTokenAsync(userId);
        if (!token.Ok)
        {
            return token.Problem;
        }

        await js.InvokeVoidAsync("sessionStorage.setItem", StorageKey, token.Value!.AccessToken);
        Accept(token.Value.AccessToken);
        return null;
    }

    public Task<string?> AccessTokenAsync() => Task.FromResult(_token);

    public async Task SignOutAsync()
    {
        await js.InvokeVoidAsync("sessionStorage.removeItem", StorageKey);
        Accept(null);
    }

    private void Accept(string? token)
    {
        _token = token;
        User = token is null ? null : AccessTokenClaims.Read(token, options.OfficeClaim);
        Changed?.Invoke();
    }
}
