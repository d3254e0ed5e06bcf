using System.Text;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Review;
using LegalAidReferral.Infrastructure.Sqlite;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// The review's read model in Cosmos DB, without transactions (the emulator has no batches). An event's
/// counts are added in its cell step: the cell (<c>reviewCells</c>, partition: month) is read; if the
/// event's id is not in the cell's <c>pending</c> list, the listed event (<c>reviewEvents</c>, partition:
/// month) is claimed, after that read: created unapplied, or, when it exists unapplied, replaced at its
/// ETag so that its ETag moves on (an applied one is done: nothing more to do); then the counts are added
/// to the cell with the event id pending, at the cell's ETag of the read. Then its referral's deadlines
/// are merged (<c>reviewReferrals</c>, a union, so repeating it is harmless), the event is marked
/// applied, and its id leaves <c>pending</c>. A delivery that finds the id pending goes on from there.
/// The claim after the cell read is what makes two deliveries at once count an event once: whoever marks
/// it applied and clears its id changes the event before the cell, so a delivery whose cell read is older
/// than the clearing either finds the event applied or fails its claim, and one whose read is newer fails
/// at the cell's ETag; the guards are writes at ETags, never reads alone. A crash anywhere in between is
/// repaired by the next delivery. A batch goes through the same steps for all its events at once
/// (<see cref="RecordBatchAsync"/>).
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
    /// referral once (its events merged). The number of events this delivery created.
    /// </summary>
    public async Task<int> RecordBatchAsync(IReadOnlyList<ReviewEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var batch = entries.DistinctBy(e => e.Listed.EventId).ToArray();
        var steps = await Task.WhenAll(batch.GroupBy(e => e.Cell.Id).Select(cell => CountAsync([.. cell], cancellationToken)));
        var toApply = steps.SelectMany(step => step.Counted).ToArray();

        await Task.WhenAll(toApply.GroupBy(e => e.Event.ReferralPseudonym).Select(referral => MergeReferralAsync(referral.Key, [.. referral], cancellationToken)));
        await Task.WhenAll(toApply.Select(e => database.ReviewEvents.UpsertAsync(EventDocument.Of(e.Listed, applied: true), e.Listed.Period, cancellationToken)));
        await Task.WhenAll(toApply.GroupBy(e => e.Cell.Id).Select(cell =>
        {
            var ids = cell.Select(Id).ToHashSet(StringComparer.Ordinal);
            return UpdateCellAsync(
                cell.First().Cell,
                current => Task.FromResult(current.Pending.Any(ids.Contains) ? current with { Pending = [.. current.Pending.Where(p => !ids.Contains(p))] } : null),
                cancellationToken);
        }));
        return steps.Sum(step => step.Created);
    }

    private static string Id(ReviewEntry entry) => entry.Listed.EventId.ToString("D");

    /// <summary>
    /// The cell step of one cell's events. At each attempt, after the cell is read, every event not
    /// pending in it is claimed, and the claimed ones' counts are added with their ids pending, at the
    /// ETag read (another attempt when another writer came first). Counted: the events past this step
    /// (pending before, or added now); the applied ones are left out.
    /// </summary>
    private async Task<CellStep> CountAsync(ReviewEntry[] entries, CancellationToken cancellationToken)
    {
        var created = 0;
        var attempt = 0;
        ReviewEntry[] counted = [];
        await UpdateCellAsync(entries[0].Cell, async current =>
        {
            var first = attempt++ == 0;
            var claims = await Task.WhenAll(entries.Select(e =>
                current.Pending.Contains(Id(e)) ? Task.FromResult(Claim.Pending) : ClaimAsync(e.Listed, first, cancellationToken)));
            created += claims.Count(c => c == Claim.Created);
            counted = [.. entries.Where((_, i) => claims[i] != Claim.Applied)];
            ReviewEntry[] added = [.. entries.Where((_, i) => claims[i] is Claim.Created or Claim.Taken)];
            return added.Length == 0 ? null : Added(current, added);
        }, cancellationToken);
        return new CellStep(counted, created);
    }

    /// <summary>
    /// Claims an unapplied event for a cell step: creates it (first tried on a delivery's first attempt,
    /// as the event is usually new), or replaces it unchanged at the ETag read (every write gives a
    /// document a new ETag, so a concurrent claim or mark at the old one fails); Applied when it is.
    /// </summary>
    private async Task<Claim> ClaimAsync(ReviewedEvent listed, bool tryCreateFirst, CancellationToken cancellationToken)
    {
        var unapplied = EventDocument.Of(listed, applied: false);
        if (tryCreateFirst && await database.ReviewEvents.TryCreateAsync(unapplied, listed.Period, cancellationToken))
        {
            return Claim.Created;
        }

        while (true)
        {
            var stored = await database.ReviewEvents.ReadAsync<EventDocument>(unapplied.Id, listed.Period, cancellationToken);
            if (stored is null)
            {
                if (await database.ReviewEvents.TryCreateAsync(unapplied, listed.Period, cancellationToken))
                {
                    return Claim.Created;
                }
            }
            else if (stored.Document.Applied)
            {
                return Claim.Applied;
            }
            else if (await database.ReviewEvents.TryReplaceAsync(stored.Document, unapplied.Id, listed.Period, stored.ETag, cancellationToken))
            {
                return Claim.Taken;
            }
        }
    }

    /// <summary>The cell with the counts of <paramref name="entries"/> added and their ids pending.</summary>
    private static CellDocument Added(CellDocument cell, IReadOnlyList<ReviewEntry> entries)
    {
        var counts = CellCounts.FromJson(cell.Counts);
        foreach (var entry in entries)
        {
            counts.Add(entry.Counts);
        }

        return cell with { Counts = counts.ToJson(), Pending = [.. cell.Pending, .. entries.Select(Id)] };
    }

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
    private async Task UpdateCellAsync(CellKey key, Func<CellDocument, Task<CellDocument?>> change, CancellationToken cancellationToken)
    {
        while (true)
        {
            var stored = await database.ReviewCells.ReadAsync<CellDocument>(key.Id, key.Period, cancellationToken);
            var current = stored?.Document ?? CellDocument.Empty(key);
            if (await change(current) is not { } changed)
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

    /// <summary>What a cell step found or did with one event.</summary>
    private enum Claim
    {
        /// <summary>In the cell's pending list: counted by an earlier or concurrent delivery, not yet cleared.</summary>
        Pending,

        /// <summary>Created by this delivery.</summary>
        Created,

        /// <summary>Found unapplied and replaced at its ETag by this delivery.</summary>
        Taken,

        /// <summary>Applied already: counted, merged and marked.</summary>
        Applied,
    }

    /// <summary>A cell step's outcome: the events that go on to the next steps, and how many this delivery created.</summary>
    private sealed record CellStep(IReadOnlyList<ReviewEntry> Counted, int Created);

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
