namespace LegalAidReferral.Core.Chat.Cases;

/// <summary>
/// <see cref="ClientSecrets"/>' PBKDF2 hash. A check without a stored hash runs against a decoy hash, made once per
/// process from a random code with the same iterations, and is refused whatever it answers. Every derivation takes
/// one of the process's <see cref="DerivationSlots.PerProcess"/>, so a flood of codes queues instead of taking every
/// core from the API.
/// </summary>
public sealed class Pbkdf2ChatCodeHasher : IChatCodeHasher
{
    private static readonly Lazy<string> Decoy = new(() => ClientSecrets.Hash(ClientSecrets.NewCode()));

    public Task<string> HashAsync(string code, CancellationToken cancellationToken) =>
        DerivationSlots.PerProcess.RunAsync(() => ClientSecrets.Hash(code), cancellationToken);

    public Task<bool> VerifyAsync(string typed, string? stored, CancellationToken cancellationToken) =>
        DerivationSlots.PerProcess.RunAsync(() => ClientSecrets.Verify(typed, stored ?? Decoy.Value) && stored is not null, cancellationToken);
}
