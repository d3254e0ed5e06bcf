using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Events;
using LegalAidReferral.Core.Review;
using LegalAidReferral.Infrastructure.Cosmos;
using LegalAidReferral.Testing.Emulators;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Tests.Contracts;

public sealed class SqliteReviewStoreContract : ReviewStoreContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.SqliteAsync();
}

public sealed class CosmosReviewStoreContract : ReviewStoreContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.CosmosAsync();

    [Fact]
    public async Task A_batch_writes_each_touched_cell_twice_and_each_referral_once_however_many_events_it_holds()
    {
        var batch = Stream.Select(e => ReviewEntry.Of(e, TimeZoneInfo.Utc)).ToArray();
        Storage.Requests!.Clear();

        Assert.Equal(batch.Length, await Storage.Reviews.RecordBatchAsync(batch, default));

        var writes = Storage.Requests.Requests.Where(r => r.Method is "POST" or "PUT" && !r.IsQuery).ToArray();
        Assert.Equal(2 * batch.Select(e => e.Cell.Id).Distinct().Count(), writes.Count(r => r.Path.Contains("/colls/reviewCells", StringComparison.Ordinal)));
        Assert.Equal(batch.Select(e => e.Event.ReferralPseudonym).Distinct().Count(), writes.Count(r => r.Path.Contains("/colls/reviewReferrals", StringComparison.Ordinal)));
        await AssertFiguresOfTheStreamAsync();
    }

    /// <summary>The stream's batch makes about 610 writes: events created with their cells' counts (to about 282), referrals, events applied, cells' pending lists emptied.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(150)]
    [InlineData(260)]
    [InlineData(290)]
    [InlineData(400)]
    [InlineData(590)]
    public async Task A_batch_cut_off_by_a_crash_and_delivered_again_counts_each_event_once(int writesBeforeTheCrash)
    {
        var batch = Stream.Concat(Stream.Take(10)).Select(e => ReviewEntry.Of(e, TimeZoneInfo.Utc)).ToArray();
        var emulator = await CosmosEmulator.Instance;
        var options = new CosmosStorageOptions(null, emulator.ConnectionString, Storage.CosmosDatabase.ReviewEvents.Database.Id);
        using (var dying = new CosmosDatabase(options, [new DiesAfterWrites(writesBeforeTheCrash)]))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => ((IReviewStore)new CosmosReviewStore(dying)).RecordBatchAsync(batch, default));
        }

        await Storage.Reviews.RecordBatchAsync(batch, default);

        Assert.Equal(0, await Storage.Reviews.RecordBatchAsync(batch, default));
        await AssertFiguresOfTheStreamAsync();
    }

    /// <summary>Lets the first writes through, then fails every request, as a process that dies in the middle of a batch.</summary>
    private sealed class DiesAfterWrites(int writes) : RequestHandler
    {
        private int seen;

        public override Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            if ((request.Method == HttpMethod.Get ? Volatile.Read(ref seen) : Interlocked.Increment(ref seen)) > writes)
            {
                throw new IOException("The process died.");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>The contract of <see cref="IReviewStore"/>: idempotent by event id, cells added up in any order, filters, overdue referrals, events paged.</summary>
public abstract class ReviewStoreContract : StorageContract
{
    private static readonly DateTimeOffset Start = new(2026, 9, 28, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Start.AddDays(30);
    private static readonly ReviewSettings Settings = ReviewSettings.Default with { MinCellSize = 1 };
    protected static readonly IReadOnlyList<ProtocolEvent> Stream = new SyntheticProtocolEvents(42).Generate(60, Start, TimeSpan.FromDays(40), Now);

    private IReviewStore Store => Storage.Reviews;

    [Fact]
    public async Task An_event_recorded_again_changes_nothing()
    {
        var entry = ReviewEntry.Of(Stream[0], TimeZoneInfo.Utc);

        Assert.True(await Store.RecordAsync(entry, default));
        Assert.False(await Store.RecordAsync(entry, default));

        var cell = Assert.Single(await Store.CellsAsync(new ReviewQuery("2026-01", "2026-12"), default));
        Assert.Equal(entry.Cell, cell.Key);
        Assert.Equal(entry.Counts.ToJson(), cell.Counts.ToJson());
        Assert.Single((await Store.EventsAsync(new ReviewQuery("2026-01", "2026-12"), new PageRequest(10, null), default)).Items);
    }

    [Fact]
    public async Task Events_recorded_in_any_order_and_twice_give_the_figures_of_the_events_added_once()
    {
        var random = new Random(3);
        var arrived = Stream.Concat(Stream.Where(_ => random.NextDouble() < 0.3)).OrderBy(_ => random.Next()).ToArray();
        foreach (var chunk in arrived.Chunk(16))
        {
            await Task.WhenAll(chunk.Select(e => Store.RecordAsync(ReviewEntry.Of(e, TimeZoneInfo.Utc), default)));
        }

        await AssertFiguresOfTheStreamAsync();
    }

    [Fact]
    public async Task Batches_with_duplicates_inside_and_across_them_give_the_figures_of_the_events_added_once()
    {
        var random = new Random(5);
        var arrived = Stream.Concat(Stream.Where(_ => random.NextDouble() < 0.3)).OrderBy(_ => random.Next()).ToArray();
        var batches = arrived.Chunk(24).Select(chunk => chunk.Concat(chunk.Take(3)).Select(e => ReviewEntry.Of(e, TimeZoneInfo.Utc)).ToArray()).ToArray();

        var recorded = 0;
        foreach (var batch in batches)
        {
            recorded += await Store.RecordBatchAsync(batch, default);
        }

        Assert.Equal(Stream.Count, recorded);
        Assert.Equal(0, await Store.RecordBatchAsync(batches[0], default));
        await AssertFiguresOfTheStreamAsync();
    }

    [Fact]
    public async Task Declines_are_stored_counted_by_reason_code_with_those_without_one_as_unspecified()
    {
        string?[] codes = ["no-capacity", "no-capacity", "outside-mandate", "conflict-of-interest", "client-unreachable", "other", null];
        var decline = Stream.First(e => e.Step == ReferralAction.Decline);
        foreach (var (code, i) in codes.Select((code, i) => (code, i)))
        {
            await Store.RecordAsync(ReviewEntry.Of(decline with { EventId = Guid.NewGuid(), ReferralPseudonym = $"declined-{i}", ReasonCode = code }, TimeZoneInfo.Utc), default);
        }

        var query = new ReviewQuery("2026-09", "2026-12");
        var total = AdherenceReport.Build(await Store.CellsAsync(query, default), [], new AdherenceRequest(query), Settings, Now).Summary.Total;

        Assert.Equal(
            [7L, 2L, 1L, 1L, 1L, 1L, 1L],
            new[] { "declined", "declinedNoCapacity", "declinedOutsideMandate", "declinedConflictOfInterest", "declinedClientUnreachable", "declinedOther", "declinedUnspecified" }
                .Select(name => total[name]));
    }

    [Fact]
    public async Task Overdue_referrals_are_the_open_ones_with_a_deadline_due_before_now()
    {
        await RecordAllAsync();
        var expected = Stream.GroupBy(e => e.ReferralPseudonym)
            .Select(g => g.Aggregate((ReviewReferral?)null, ReviewReferral.Merge)!)
            .Where(r => r.NextDueAt < Now)
            .Select(r => r.Pseudonym)
            .Order(StringComparer.Ordinal);

        var overdue = await Store.OverdueAsync(new ReviewQuery("2026-01", "2026-01"), Now, default);

        Assert.NotEmpty(overdue);
        Assert.Equal(expected, overdue.Select(r => r.Pseudonym).Order(StringComparer.Ordinal));
        Assert.Empty(await Store.OverdueAsync(new ReviewQuery("2026-01", "2026-01"), Start, default));
    }

    [Fact]
    public async Task Events_are_listed_oldest_first_across_pages_filtered_by_month_and_dimension()
    {
        await RecordAllAsync();
        var query = new ReviewQuery("2026-10", "2026-10", OfficeId: "gt-idpp-guatemala");
        var expected = Stream
            .Where(e => e.OccurredAt.Month == 10 && (e.FromOfficeId == "gt-idpp-guatemala" || e.ToOfficeId == "gt-idpp-guatemala"))
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.EventId.ToString("D"), StringComparer.Ordinal)
            .Select(e => e.EventId)
            .ToArray();

        var listed = new List<ReviewedEvent>();
        string? token = null;
        do
        {
            var page = await Store.EventsAsync(query, new PageRequest(7, token), default);
            listed.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, listed.Select(e => e.EventId));
        Assert.All(listed, e => Assert.Equal("2026-10", e.Period));
        Assert.Equal(
            ReviewedEvent.Of(Stream.Single(e => e.EventId == expected[0]), "2026-10") with { OccurredAt = listed[0].OccurredAt, DueAt = listed[0].DueAt },
            listed[0]);
    }

    /// <summary>Every query's report from the store equals the report of the stream with each event added once.</summary>
    protected async Task AssertFiguresOfTheStreamAsync()
    {
        foreach (var query in Queries())
        {
            var request = new AdherenceRequest(query);
            var stored = AdherenceReport.Build(await Store.CellsAsync(query, default), await Store.OverdueAsync(query, Now, default), request, Settings, Now);
            Assert.Equal(AdherenceCsv.Write(Expected(request)), AdherenceCsv.Write(stored));
        }

        var listed = 0;
        string? token = null;
        do
        {
            var page = await Store.EventsAsync(new ReviewQuery("2026-01", "2026-12"), new PageRequest(PageRequest.MaxLimit, token), default);
            listed += page.Items.Count;
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(Stream.Count, listed);
    }

    private static IEnumerable<ReviewQuery> Queries() =>
    [
        new("2026-09", "2026-12"),
        new("2026-10", "2026-10"),
        new("2026-09", "2026-12", Country: "MX"),
        new("2026-09", "2026-12", OfficeId: "gt-idpp-guatemala"),
        new("2026-09", "2026-12", FromCountry: "GT", ToCountry: "MX"),
        new("2026-09", "2026-12", Kind: ReferralKind.Representation, Priority: Priority.Normal),
    ];

    private static AdherenceReport Expected(AdherenceRequest request)
    {
        var cells = new Dictionary<CellKey, CellCounts>();
        foreach (var entry in Stream.Select(e => ReviewEntry.Of(e, TimeZoneInfo.Utc)))
        {
            if (!cells.TryGetValue(entry.Cell, out var counts))
            {
                cells[entry.Cell] = counts = new CellCounts();
            }

            counts.Add(entry.Counts);
        }

        var q = request.Query;
        var matching = cells
            .Where(c => string.CompareOrdinal(c.Key.Period, q.FromPeriod) >= 0 && string.CompareOrdinal(c.Key.Period, q.ToPeriod) <= 0)
            .Where(c => q.Matches(c.Key.FromOfficeId, c.Key.ToOfficeId, c.Key.FromCountry, c.Key.ToCountry, c.Key.Kind, c.Key.Priority))
            .Select(c => new AdherenceCell(c.Key, c.Value));
        var overdue = Stream.GroupBy(e => e.ReferralPseudonym)
            .Select(g => g.Aggregate((ReviewReferral?)null, ReviewReferral.Merge)!)
            .Where(r => r.NextDueAt < Now && q.Matches(r.FromOfficeId, r.ToOfficeId, r.FromCountry, r.ToCountry, r.Kind, r.Priority));
        return AdherenceReport.Build(matching, overdue, request, Settings, Now);
    }

    private async Task RecordAllAsync()
    {
        foreach (var chunk in Stream.Chunk(16))
        {
            await Task.WhenAll(chunk.Select(e => Store.RecordAsync(ReviewEntry.Of(e, TimeZoneInfo.Utc), default)));
        }
    }
}
