using LegalAidReferral.Core.Review;

namespace LegalAidReferral.Standalone.Demo;

/// <summary>
/// Synthetic protocol events for the review (<see cref="SyntheticProtocolEvents"/>: every pseudonym
/// starts with <c>synthetic-</c>), so the review has months to show: referrals sent over the twelve
/// months before this one, their steps cut at the start of this month, so this month holds only real
/// events. Their ids are fixed by the seed, so seeding again records nothing new.
/// </summary>
public sealed class DemoReviewEvents(IReviewStore store, ReviewSettings settings, TimeProvider clock) : IHostedService
{
    public const int Seed = 2026;
    public const int Referrals = 150;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var thisMonth = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var start = thisMonth.AddMonths(-12);
        var events = new SyntheticProtocolEvents(Seed).Generate(Referrals, start, thisMonth - start - TimeSpan.FromDays(3), thisMonth.AddTicks(-1));
        foreach (var chunk in events.Chunk(256))
        {
            await store.RecordBatchAsync(chunk.Select(e => ReviewEntry.Of(e, settings.TimeZone)).ToArray(), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
