using LegalAidReferral.WebConsole.SignIn;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>A signed-in user that never changes, for pages that only read who is signed in.</summary>
public sealed class StaticSession(StaffUser user) : ISignInSession
{
    public StaffUser? User { get; } = user;

    public event Action? Changed;

    public Task RestoreAsync()
    {
        Changed?.Invoke();
        return Task.CompletedTask;
    }

    public Task<string?> AccessTokenAsync() => Task.FromResult<string?>("token");

    public Task SignOutAsync() => Task.CompletedTask;
}
