using System.Text;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Review;
using LegalAidReferral.Infrastructure.Sqlite;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// The review's read model in Cosmos DB, without transactions (the emulator has no batches): the
/// listed event's document (<c>reviewEvents</c>, partition: month) is created first, unapplied; its
/// counts are added to its cell (<c>reviewCells</c>, partition: month) at the cell's ETag together with the
/// event id in the cell's <c>pending</c> list; its referral's deadlines are merged
/// (<c>reviewReferrals</c>, a union, so repeating it is harmless); the event is marked applied; and its
/// id leaves the cell's <c>pending</c> list. A redelivery after a crash anywhere in between finds the
/// event unapplied and repeats the steps, and the pending id keeps its counts from being added twice.
/// A batch goes through the same steps for all its events at once (<see cref="RecordBatchAsync"/>).
/// </summary>
public sealed class CosmosReviewStore(CosmosDatabase database) : IReviewStore
{
    public async Task<bool> RecordAsync(ReviewEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return await RecordBatchAsync([entry], cancellationToken) == 1;
    }

    /// <summary>
    /// The protocol for every event of the batch at once, step by step: each step's requests go out
    /// together, each touched cell is written once per step (its events' counts summed) and each
    /// referral once (its events merged).
    /// </summary>
    public async Task<int> RecordBatchAsync(IReadOnlyList<ReviewEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var batch = entries.DistinctBy(e => e.Listed.EventId).ToArray();
        var created = await Task.WhenAll(batch.Select(e =>
            database.ReviewEvents.TryCreateAsync(EventDocument.Of(e.Listed, applied: false), e.Listed.Period, cancellationToken)));
        var applied = await Task.WhenAll(batch.Select((e, i) => created[i] ? Task.FromResult(false) : IsAppliedAsync(e.Listed, cancellationToken)));
        var toApply = batch.Where((_, i) => !applied[i]).ToArray();
        var done = batch.Where((_, i) => applied[i]).Select(Id).ToHashSet(StringComparer.Ordinal);

        await Task.WhenAll(batch.GroupBy(e => e.Cell.Id).Select(cell => UpdateCellAsync(cell.First().Cell, current => Added(current, cell, done), cancellationToken)));
        await Task.WhenAll(toApply.GroupBy(e => e.Event.ReferralPseudonym).Select(referral => MergeReferralAsync(referral.Key, [.. referral], cancellationToken)));
        await Task.WhenAll(toApply.Select(e => database.ReviewEvents.UpsertAsync(EventDocument.Of(e.Listed, applied: true), e.Listed.Period, cancellationToken)));
        await Task.WhenAll(toApply.GroupBy(e => e.Cell.Id).Select(cell =>
        {
            var ids = cell.Select(Id).ToHashSet(StringComparer.Ordinal);
            return UpdateCellAsync(cell.First().Cell, current => current.Pending.Any(ids.Contains) ? current with { Pending = [.. current.Pending.Where(p => !ids.Contains(p))] } : null, cancellationToken);
        }));
        return created.Count(c => c);
    }

    private static string Id(ReviewEntry entry) => entry.Listed.EventId.ToString("D");

    /// <summary>
    /// The cell with the counts of its events not yet applied nor pending added and their ids pending, and
    /// the ids of its events applied before (<paramref name="done"/>) no longer pending; null: no change.
    /// </summary>
    private static CellDocument? Added(CellDocument cell, IEnumerable<ReviewEntry> entries, IReadOnlySet<string> done)
    {
        var pending = cell.Pending.ToList();
        CellCounts? counts = null;
        var changed = false;
        foreach (var entry in entries)
        {
            var id = Id(entry);
            if (done.Contains(id))
            {
                changed |= pending.Remove(id);
            }
            else if (!pending.Contains(id))
            {
                counts ??= CellCounts.FromJson(cell.Counts);
                counts.Add(entry.Counts);
                pending.Add(id);
                changed = true;
            }
        }

        return changed ? cell with { Counts = counts?.ToJson() ?? cell.Counts, Pending = pending } : null;
    }

    private async Task<bool> IsAppliedAsync(ReviewedEvent listed, CancellationToken cancellationToken) =>
        (await database.ReviewEvents.ReadAsync<EventDocument>(listed.EventId.ToString("D"), listed.Period, cancellationToken))?.Document.Applied == true;

    public async Task<IReadOnlyList<AdherenceCell>> CellsAsync(ReviewQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var cells = await database.ReviewCells.QueryAsync<CellDocument>(Filter("SELECT * FROM c", query).Build(), null, cancellationToken);
        return cells.Select(c => c.ToCell()).ToArray();
    }

    public async Task<IReadOnlyList<ReviewReferral>> OverdueAsync(ReviewQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var definition = new QueryDefinition("SELECT * FROM c WHERE IS_DEFINED(c.nextDueAt) AND c.nextDueAt != null AND c.nextDueAt < @now")
            .WithParameter("@now", CosmosTime.Of(now));
        var referrals = await database.ReviewReferrals.QueryAsync<ReferralDocument>(definition, null, cancellationToken);
        return referrals
            .Select(r => r.Referral)
            .Where(r => query.Matches(r.FromOfficeId, r.ToOfficeId, r.FromCountry, r.ToCountry, r.Kind, r.Priority))
            .ToArray();
    }

    public async Task<Page<ReviewedEvent>> EventsAsync(ReviewQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        var take = KeysetPosition.Take(page);
        var filter = Filter(CosmosPage.Top(take, "*") + " FROM c", query).And("c.applied = true");
        if (KeysetPosition.Parse(page.ContinuationToken) is { } after)
        {
            filter.And("(c.occurredAt > @afterAt OR (c.occurredAt = @afterAt AND c.id > @afterId))", ("@afterAt", CosmosTime.OfTicks(after.Ticks)), ("@afterId", after.Id));
        }

        var rows = await database.ReviewEvents.QueryAsync<EventDocument>(filter.Build(" ORDER BY c.occurredAt, c.id"), null, cancellationToken);
        var items = rows.Take(take).Select(r => r.ToEvent()).ToArray();
        return new Page<ReviewedEvent>(items, rows.Count > take ? CosmosPage.Position(rows[take - 1].OccurredAt, rows[take - 1].Id).ToToken() : null);
    }

    private static Where Filter(string select, ReviewQuery query) =>
        new Where(select)
            .And("c.period >= @from AND c.period <= @to", ("@from", query.FromPeriod), ("@to", query.ToPeriod))
            .AndIf(query.Country, "(c.fromCountry = @country OR c.toCountry = @country)", "@country")
            .AndIf(query.OfficeId, "(c.fromOfficeId = @office OR c.toOfficeId = @office)", "@office")
            .AndIf(query.FromCountry, "c.fromCountry = @fromCountry", "@fromCountry")
            .AndIf(query.ToCountry, "c.toCountry = @toCountry", "@toCountry")
            .AndIf(query.Kind is { } kind ? Kebab<ReferralKind>.Name(kind) : null, "c.kind = @kind", "@kind")
            .AndIf(query.Priority is { } priority ? Kebab<Priority>.Name(priority) : null, "c.priority = @priority", "@priority");

    /// <summary>Applies <paramref name="change"/> to the cell (created empty when missing) at its ETag, again if another writer came first; null: no change.</summary>
    private async Task UpdateCellAsync(CellKey key, Func<CellDocument, CellDocument?> change, CancellationToken cancellationToken)
    {
        while (true)
        {
            var stored = await database.ReviewCells.ReadAsync<CellDocument>(key.Id, key.Period, cancellationToken);
            var current = stored?.Document ?? CellDocument.Empty(key);
            if (change(current) is not { } changed)
            {
                return;
            }

            var written = stored is null
                ? await database.ReviewCells.TryCreateAsync(changed, key.Period, cancellationToken)
                : await database.ReviewCells.TryReplaceAsync(changed, key.Id, key.Period, stored.ETag, cancellationToken);
            if (written)
            {
                return;
            }
        }
    }

    /// <summary>Merges the events of one referral into its deadlines in one write (again if another writer came first).</summary>
    private async Task MergeReferralAsync(string pseudonym, IReadOnlyList<ReviewEntry> entries, CancellationToken cancellationToken)
    {
        while (true)
        {
            var stored = await database.ReviewReferrals.ReadAsync<ReferralDocument>(pseudonym, pseudonym, cancellationToken);
            var referral = stored?.Document.Referral;
            foreach (var entry in entries)
            {
                referral = ReviewReferral.Merge(referral, entry.Event);
            }

            var merged = ReferralDocument.Of(referral ?? throw new ArgumentException("A referral is merged with at least one event.", nameof(entries)));
            if (stored is not null && merged.Referral.Equivalent(stored.Document.Referral))
            {
                return;
            }

            var written = stored is null
                ? await database.ReviewReferrals.TryCreateAsync(merged, pseudonym, cancellationToken)
                : await database.ReviewReferrals.TryReplaceAsync(merged, pseudonym, pseudonym, stored.ETag, cancellationToken);
            if (written)
            {
                return;
            }
        }
    }

    /// <summary>A query's conditions and parameters, only the ones set.</summary>
    private sealed class Where(string select)
    {
        private readonly StringBuilder sql = new StringBuilder(select).Append(" WHERE true");
        private readonly List<(string Name, object Value)> parameters = [];

        public Where And(string condition, params (string Name, object Value)[] values)
        {
            sql.Append(" AND ").Append(condition);
            parameters.AddRange(values);
            return this;
        }

        public Where AndIf(string? value, string condition, string name) => value is null ? this : And(condition, (name, value));

        public QueryDefinition Build(string orderBy = "")
        {
            var definition = new QueryDefinition(sql.Append(orderBy).ToString());
            foreach (var (name, value) in parameters)
            {
                definition.WithParameter(name, value);
            }

            return definition;
        }
    }

    private sealed record EventDocument(
        string Id,
        string Period,
        string ReferralPseudonym,
        ReferralKind Kind,
        Priority Priority,
        string FromOfficeId,
        string ToOfficeId,
        string FromCountry,
        string ToCountry,
        ReferralAction Step,
        ReferralStatus Status,
        string OccurredAt,
        string? DueAt,
        bool? WithinDeadline,
        bool ConsentOverridden,
        bool Applied,
        int Schema = 1)
    {
        public static EventDocument Of(ReviewedEvent e, bool applied) =>
            new(e.EventId.ToString("D"), e.Period, e.ReferralPseudonym, e.Kind, e.Priority, e.FromOfficeId, e.ToOfficeId, e.FromCountry, e.ToCountry, e.Step, e.Status,
                CosmosTime.Of(e.OccurredAt), e.DueAt is { } due ? CosmosTime.Of(due) : null, e.WithinDeadline, e.ConsentOverridden, applied);

        public ReviewedEvent ToEvent() =>
            new(Guid.Parse(Id), ReferralPseudonym, Kind, Priority, FromOfficeId, ToOfficeId, FromCountry, ToCountry, Step, Status,
                CosmosTime.Parse(OccurredAt), CosmosTime.ParseOptional(DueAt), WithinDeadline, ConsentOverridden, Period);
    }

    private sealed record CellDocument(
        string Id,
        string Period,
        string FromOfficeId,
        string ToOfficeId,
        string FromCountry,
        string ToCountry,
        ReferralKind Kind,
        Priority Priority,
        GenderCategory Gender,
        int Groups,
        string Counts,
        IReadOnlyList<string> Pending,
        int Schema = 1)
    {
        public static CellDocument Empty(CellKey key) =>
            new(key.Id, key.Period, key.FromOfficeId, key.ToOfficeId, key.FromCountry, key.ToCountry, key.Kind, key.Priority, key.Gender, key.Groups,
                new CellCounts().ToJson(), []);

        public AdherenceCell ToCell() =>
            new(new CellKey(Period, FromOfficeId, ToOfficeId, FromCountry, ToCountry, Kind, Priority, Gender, Groups), CellCounts.FromJson(Counts));
    }

    /// <summary>A referral's deadlines; <see cref="NextDueAt"/> (sortable UTC text) lets a query find the overdue ones.</summary>
    private sealed record ReferralDocument(string Id, string? NextDueAt, ReviewReferral Referral, int Schema = 1)
    {
        public static ReferralDocument Of(ReviewReferral referral) =>
            new(referral.Pseudonym, referral.NextDueAt is { } due ? CosmosTime.Of(due) : null, referral);
    }
}

/// <summary>Compares two referral states by what they hold (lists by their items), to skip writes that change nothing.</summary>
internal static class ReviewReferralComparison
{
    public static bool Equivalent(this ReviewReferral a, ReviewReferral b) =>
        a.Ended == b.Ended && a.Started.SequenceEqual(b.Started) && a.Met.SequenceEqual(b.Met) && a with { Started = b.Started, Met = b.Met } == b;
}
