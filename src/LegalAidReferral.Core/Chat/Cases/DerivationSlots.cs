namespace LegalAidReferral.Core.Chat.Cases;

/// <summary>
/// Runs CPU-bound work (a code's PBKDF2 derivation) at most <c>slots</c> at a time; more wait their turn
/// without holding a thread. <see cref="PerProcess"/> has one slot per processor but one (at least one),
/// so a flood of codes queues and leaves a core to the API.
/// </summary>
public sealed class DerivationSlots(int slots) : IDisposable
{
    private readonly SemaphoreSlim gate = new(slots, slots);

    public static DerivationSlots PerProcess { get; } = new(Math.Max(1, Environment.ProcessorCount - 1));

    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await gate.WaitAsync(cancellationToken);
        try
        {
            return work();
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
