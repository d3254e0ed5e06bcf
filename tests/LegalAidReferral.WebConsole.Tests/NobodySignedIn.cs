using LegalAidReferral.WebConsole.SignIn;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>A session without a user: times are shown in UTC and nothing asks the API for the user's office.</summary>
internal sealed class NobodySignedIn : ISignInSession
{
    public StaffUser? User => null;

    public event Action? Changed
    {
        add { }
        remove { }
    }

    public Task RestoreAsync() => Task.CompletedTask;

    public Task<string?> AccessTokenAsync() => Task.FromResult<string?>(null);

    public Task SignOutAsync() => Task.CompletedTask;
}
