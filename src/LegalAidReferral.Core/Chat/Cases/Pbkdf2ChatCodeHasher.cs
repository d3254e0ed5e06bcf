namespace LegalAidReferral.Core.Chat.Cases;

/// <summary>
/// <see cref="ClientSecrets"/>' PBKDF2 hash. A check without a stored hash runs against a decoy hash, made once per
/// process from a random code with the same iterations, and is refused whatever it answers.
/// </summary>
public sealed class Pbkdf2ChatCodeHasher : IChatCodeHasher
{
    private static readonly Lazy<string> Decoy = new(() => ClientSecrets.Hash(ClientSecrets.NewCode()));

    public Task<string> HashAsync(string code, CancellationToken cancellationToken) => Task.FromResult(ClientSecrets.Hash(code));

    public Task<bool> VerifyAsync(string typed, string? stored, CancellationToken cancellationToken) =>
        Task.FromResult(ClientSecrets.Verify(typed, stored ?? Decoy.Value) && stored is not null);
}
