using LegalAidReferral.Core.Chat.Cases;

namespace LegalAidReferral.Core.Tests.Chat;

public sealed class DerivationSlotsTests
{
    [Fact]
    public async Task Work_beyond_the_slots_waits_until_a_slot_is_free()
    {
        Assert.False(await SecondRunsAtOnceAsync(slots: 1));
    }

    [Fact]
    public async Task Work_within_the_slots_runs_at_once()
    {
        Assert.True(await SecondRunsAtOnceAsync(slots: 2));
    }

    /// <summary>Holds one slot with work that waits for a signal, then asks for another; both finish once the first is let go.</summary>
    private static async Task<bool> SecondRunsAtOnceAsync(int slots)
    {
        using var derivations = new DerivationSlots(slots);
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var first = Task.Run(() => derivations.RunAsync(
            () =>
            {
                started.Set();
                release.Wait();
                return 1;
            },
            default));
        started.Wait();

        var second = derivations.RunAsync(() => 2, default);
        var atOnce = second.IsCompleted;
        release.Set();

        Assert.Equal((1, 2), (await first, await second));
        return atOnce;
    }
}
