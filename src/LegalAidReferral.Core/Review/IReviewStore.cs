using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Review;

/// <summary>
/// Port: the review's read model. Recording is incremental and idempotent by event id: an event
/// recorded once more changes nothing. Queries read aggregate cells, never the raw events.
/// </summary>
public interface IReviewStore
{
    /// <summary>
    /// Stores the event (as listed), adds its counts to its cell and merges it into its referral's
    /// deadlines, all or nothing; false when the event was recorded before (nothing changes).
    /// </summary>
    Task<bool> RecordAsync(ReviewEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Records a batch as <see cref="RecordAsync"/> records each entry (duplicates inside the batch or
    /// recorded before change nothing); the number newly recorded. Stores that can write a batch at
    /// once override this; the default records the entries one after another.
    /// </summary>
    async Task<int> RecordBatchAsync(IReadOnlyList<ReviewEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var recorded = 0;
        foreach (var entry in entries)
        {
            recorded += await RecordAsync(entry, cancellationToken) ? 1 : 0;
        }

        return recorded;
    }

    /// <summary>The cells of the months and dimensions <paramref name="query"/> names.</summary>
    Task<IReadOnlyList<AdherenceCell>> CellsAsync(ReviewQuery query, CancellationToken cancellationToken);

    /// <summary>The referrals of <paramref name="query"/>'s dimensions (not months) with a deadline open and due before <paramref name="now"/>.</summary>
    Task<IReadOnlyList<ReviewReferral>> OverdueAsync(ReviewQuery query, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The events of <paramref name="query"/>, oldest first (by time, then id), paged.</summary>
    Task<Page<ReviewedEvent>> EventsAsync(ReviewQuery query, PageRequest page, CancellationToken cancellationToken);
}
