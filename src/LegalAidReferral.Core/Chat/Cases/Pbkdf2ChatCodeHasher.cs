namespace LegalAidReferral.Core.Chat.Cases;

/// <summary>
/// <see cref="ClientSecrets"/>' PBKDF2 hash. A check without a stored hash runs against a decoy hash, made once per
/// process from a random code with the same iterations, and is refused whatever it answers. At most one derivation
/// per processor but one (at least one) runs at a time in the process; more wait their turn, so a flood of codes
/// queues instead of taking every core from the API.
/// </summary>
public sealed class Pbkdf2ChatCodeHasher : IChatCodeHasher
{
    private static readonly Lazy<string> Decoy = new(() => ClientSecrets.Hash(ClientSecrets.NewCode()));

    private static readonly SemaphoreSlim Slots = new(Math.Max(1, Environment.ProcessorCount - 1));

    public Task<string> HashAsync(string code, CancellationToken cancellationToken) =>
        DeriveAsync(() => ClientSecrets.Hash(code), cancellationToken);

    public Task<bool> VerifyAsync(string typed, string? stored, CancellationToken cancellationToken) =>
        DeriveAsync(() => ClientSecrets.Verify(typed, stored ?? Decoy.Value) && stored is not null, cancellationToken);

    private static async Task<T> DeriveAsync<T>(Func<T> derive, CancellationToken cancellationToken)
    {
        await Slots.WaitAsync(cancellationToken);
        try
        {
            return derive();
        }
        finally
        {
            Slots.Release();
        }
    }
}
