using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Events;
using LegalAidReferral.Core.Review;

namespace LegalAidReferral.Infrastructure.Tests.Exchange;

/// <summary>A review store that counts how it is called (one event or a batch) and fails the batch call it is told to, before recording it.</summary>
internal sealed class CountingReviewStore(IReviewStore inner) : IReviewStore
{
    private static readonly DateTimeOffset Start = new(2026, 9, 28, 0, 0, 0, TimeSpan.Zero);

    public int Singles { get; private set; }

    /// <summary>The size of each batch call, in order, failed ones included.</summary>
    public List<int> Batches { get; } = [];

    /// <summary>How many events the calls recorded as new.</summary>
    public int Recorded { get; private set; }

    /// <summary>The index of the batch call that throws; null: none.</summary>
    public int? FailingBatch { get; set; }

    /// <summary>The review's handler, recording into this store.</summary>
    public RecordProtocolEvents Handler => new(this, ReviewSettings.Default);

    /// <summary>The protocol events of 80 synthetic referrals (about 450), as the review receives them.</summary>
    public static IReadOnlyList<ExchangeMessage> EventMessages(int seed) =>
        new SyntheticProtocolEvents(seed).Generate(80, Start, TimeSpan.FromDays(40), Start.AddDays(30))
            .Select(e => ReferralMessages.Of(e, e.FromOfficeId, e.OccurredAt))
            .ToArray();

    /// <summary>Every stored cell's counts as JSON, by cell id.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CellsAsync() =>
        (await inner.CellsAsync(new ReviewQuery("2026-01", "2026-12"), default)).ToDictionary(c => c.Key.Id, c => c.Counts.ToJson());

    /// <summary>The cells <paramref name="events"/> make when each is added once, as <see cref="CellsAsync()"/> gives them.</summary>
    public static IReadOnlyDictionary<string, string> CellsOf(IEnumerable<ExchangeMessage> events)
    {
        var cells = new Dictionary<string, CellCounts>();
        foreach (var message in events.DistinctBy(m => m.Id))
        {
            Assert.True(ReferralMessages.TryReadEvent(message, out var e));
            var entry = ReviewEntry.Of(e, TimeZoneInfo.Utc);
            if (!cells.TryGetValue(entry.Cell.Id, out var counts))
            {
                cells[entry.Cell.Id] = counts = new CellCounts();
            }

            counts.Add(entry.Counts);
        }

        return cells.ToDictionary(c => c.Key, c => c.Value.ToJson());
    }

    public async Task<bool> RecordAsync(ReviewEntry entry, CancellationToken cancellationToken)
    {
        Singles++;
        var recorded = await inner.RecordAsync(entry, cancellationToken);
        Recorded += recorded ? 1 : 0;
        return recorded;
    }

    public async Task<int> RecordBatchAsync(IReadOnlyList<ReviewEntry> entries, CancellationToken cancellationToken)
    {
        Batches.Add(entries.Count);
        if (FailingBatch == Batches.Count - 1)
        {
            throw new IOException("The review store did not answer.");
        }

        var recorded = await inner.RecordBatchAsync(entries, cancellationToken);
        Recorded += recorded;
        return recorded;
    }

    public Task<IReadOnlyList<AdherenceCell>> CellsAsync(ReviewQuery query, CancellationToken cancellationToken) => inner.CellsAsync(query, cancellationToken);

    public Task<IReadOnlyList<ReviewReferral>> OverdueAsync(ReviewQuery query, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.OverdueAsync(query, now, cancellationToken);

    public Task<Page<ReviewedEvent>> EventsAsync(ReviewQuery query, PageRequest page, CancellationToken cancellationToken) =>
        inner.EventsAsync(query, page, cancellationToken);
}
