using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Review;

namespace LegalAidReferral.Core.Tests.Review;

/// <summary>The review store's contract in memory (the adapters' contract suites hold them to the same): idempotent by event id, cells added up, referrals merged.</summary>
internal sealed class InMemoryReviewStore : IReviewStore
{
    private readonly Dictionary<Guid, ReviewedEvent> events = [];
    private readonly Dictionary<CellKey, CellCounts> cells = [];
    private readonly Dictionary<string, ReviewReferral> referrals = new(StringComparer.Ordinal);

    public Task<bool> RecordAsync(ReviewEntry entry, CancellationToken cancellationToken)
    {
        if (!events.TryAdd(entry.Listed.EventId, entry.Listed))
        {
            return Task.FromResult(false);
        }

        if (!cells.TryGetValue(entry.Cell, out var counts))
        {
            cells[entry.Cell] = counts = new CellCounts();
        }

        counts.Add(entry.Counts);
        referrals[entry.Event.ReferralPseudonym] = ReviewReferral.Merge(referrals.GetValueOrDefault(entry.Event.ReferralPseudonym), entry.Event);
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<AdherenceCell>> CellsAsync(ReviewQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AdherenceCell>>(cells
            .Where(c => string.CompareOrdinal(c.Key.Period, query.FromPeriod) >= 0 && string.CompareOrdinal(c.Key.Period, query.ToPeriod) <= 0)
            .Where(c => query.Matches(c.Key.FromOfficeId, c.Key.ToOfficeId, c.Key.FromCountry, c.Key.ToCountry, c.Key.Kind, c.Key.Priority))
            .Select(c => new AdherenceCell(c.Key, c.Value))
            .ToArray());

    public Task<IReadOnlyList<ReviewReferral>> OverdueAsync(ReviewQuery query, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReviewReferral>>(referrals.Values
            .Where(r => r.NextDueAt < now && query.Matches(r.FromOfficeId, r.ToOfficeId, r.FromCountry, r.ToCountry, r.Kind, r.Priority))
            .ToArray());

    public Task<Page<ReviewedEvent>> EventsAsync(ReviewQuery query, PageRequest page, CancellationToken cancellationToken) =>
        Task.FromResult(new Page<ReviewedEvent>(events.Values.OrderBy(e => e.OccurredAt).ThenBy(e => e.EventId).Take(page.Limit).ToArray(), null));
}
