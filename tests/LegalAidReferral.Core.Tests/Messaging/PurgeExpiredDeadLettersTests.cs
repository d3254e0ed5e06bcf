using LegalAidReferral.Core.Messaging;
using Microsoft.Extensions.Time.Testing;

namespace LegalAidReferral.Core.Tests.Messaging;

public class PurgeExpiredDeadLettersTests
{
    [Fact]
    public async Task Deletes_batch_after_batch_of_messages_older_than_thirty_days_until_a_batch_is_short()
    {
        var now = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
        var deadLetters = new Batches(PurgeExpiredDeadLetters.BatchSize, PurgeExpiredDeadLetters.BatchSize, 7);

        var purged = await new PurgeExpiredDeadLetters(deadLetters, new FakeTimeProvider(now)).RunAsync(default);

        Assert.Equal((2 * PurgeExpiredDeadLetters.BatchSize) + 7, purged);
        Assert.Equal([now.AddDays(-30), now.AddDays(-30), now.AddDays(-30)], deadLetters.Cutoffs);
    }

    /// <summary>Deletes the given counts, one per call, and records each call's cut-off.</summary>
    private sealed class Batches(params int[] counts) : IDeadLetters
    {
        public List<DateTimeOffset> Cutoffs { get; } = [];

        public Task SetAsideAsync(ExchangeMessage message, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<int> DeleteExpiredAsync(DateTimeOffset setAsideBefore, int limit, CancellationToken cancellationToken)
        {
            Cutoffs.Add(setAsideBefore);
            return Task.FromResult(Math.Min(limit, counts[Cutoffs.Count - 1]));
        }
    }
}
