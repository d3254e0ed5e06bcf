using System.Net.Http.Json;
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
    private string? _token;

    public StaffUser? User { get; private set; }

    public event Action? Changed;

    public async Task RestoreAsync()
    {
        var stored = await js.InvokeAsync<string?>("sessionStorage.getItem", StorageKey);
        Accept(stored);
    }

    /// <summary>The demo users, or none when the host has development sign-in off (404).</summary>
    public async Task<IReadOnlyList<DevUser>> UsersAsync()
    {
        using var response = await anonymous.GetAsync("dev/users");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<List<DevUser>>(ApiJson.Options) ?? [] : [];
    }

    public async Task<bool> SignInAsync(string userId)
    {
        using var response = await anonymous.PostAsJsonAsync("dev/token", new DevTokenRequest(userId), ApiJson.Options);
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        var token = await response.Content.ReadFromJsonAsync<DevToken>(ApiJson.Options);
        await js.InvokeVoidAsync("sessionStorage.setItem", StorageKey, token!.AccessToken);
        Accept(token.AccessToken);
        return User is not null;
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
