using System.Collections.Concurrent;

namespace LegalAidReferral.Core.Review;

/// <summary>
/// A month's release: every figure any report can show of that month, with one suppression pattern
/// that every report reads (review.md, "Month releases"). Its figures are each count of every filter
/// combination (<see cref="ReleaseNode"/>, at most <see cref="MaxFilters"/> filters) and category
/// (<see cref="ReleaseCategory"/>), each a sum of the month's units (cells without their month, or
/// overdue referrals by the month their deadline fell due). It depends on those units only, so every
/// report of every filter and range sees the same figures of the month shown and withheld.
/// <para>Suppression: counts from 1 to <c>MinCellSize</c> - 1 withheld, then
/// <see cref="ComplementarySuppression"/> over every breakdown the lattice has (a combination by
/// gender, by group, by corridor, kind and priority; sums within a row), with
/// <see cref="ReleaseAudit"/> run on the units until no withheld figure is a linear combination of
/// the shown ones. Counts no breakdown joins (acknowledged and sent, say) share no unknown, so each
/// family of counts is suppressed on its own.</para>
/// </summary>
public sealed class ReviewRelease
{
    /// <summary>
    /// The most filters a combination of the lattice has (the cut lattice of review.md): all five
    /// took seconds per month for some tens of cells, two a small part of that.
    /// </summary>
    public const int MaxFilters = 2;

    /// <summary>
    /// The most units a release is audited for combinations of shown figures (<see cref="ReleaseAudit"/>).
    /// The audit's work grows about with the square of the units (2,182 units took 275 s of CPU), so a month
    /// with more units is released after the small counts and the subtraction and bounds step over every
    /// breakdown of the lattice only (review.md, "Month releases").
    /// </summary>
    public const int MaxAuditedUnits = 200;

    private readonly ReleaseLattice lattice;
    private readonly IReadOnlyList<ReleaseUnitKey> units;
    private readonly Dictionary<string, ReportCount>[] counts;
    private readonly ConcurrentDictionary<(ReleaseNode, ReleaseCategory), int> wider = new();

    private ReviewRelease(ReleaseLattice lattice, IReadOnlyList<ReleaseUnitKey> units, Dictionary<string, ReportCount>[] counts)
    {
        this.lattice = lattice;
        this.units = units;
        this.counts = counts;
    }

    /// <summary>Whether the release was audited for combinations of shown figures: it has at most <see cref="MaxAuditedUnits"/> units.</summary>
    public bool Audited => units.Count <= MaxAuditedUnits;

    /// <summary>The release of one month's cells (every cell of the month, whatever a request filters).</summary>
    public static ReviewRelease OfCells(IEnumerable<AdherenceCell> cells, int minCellSize)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var units = cells.GroupBy(c => Key(c.Key))
            .Select(g =>
            {
                var counts = new CellCounts();
                foreach (var cell in g)
                {
                    counts.Add(cell.Counts);
                }

                return (g.Key, (IReadOnlyDictionary<string, long>)IndicatorColumns.CountsOf(counts, 0).ToDictionary(StringComparer.Ordinal));
            })
            .ToArray();
        var reasonCodes = units.SelectMany(u => u.Item2.Keys).Where(n => n.StartsWith(IndicatorColumns.ReasonPrefix, StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToArray();
        string[] names = [.. IndicatorColumns.Counts.Select(c => c.Name).Where(n => n != OverdueNow), .. reasonCodes];
        var withinRow = IndicatorColumns.Breakdowns(reasonCodes.Select(c => c[IndicatorColumns.ReasonPrefix.Length..])).ToArray();
        return Build(units, names, withinRow, minCellSize);
    }

    /// <summary>The release of the referrals overdue now whose open deadline fell due in one month.</summary>
    public static ReviewRelease OfOverdue(IEnumerable<ReviewReferral> referrals, int minCellSize)
    {
        ArgumentNullException.ThrowIfNull(referrals);
        var units = referrals.GroupBy(r => new ReleaseUnitKey(r.FromOfficeId, r.ToOfficeId, r.FromCountry, r.ToCountry, r.Kind, r.Priority, r.Gender, r.Groups))
            .Select(g => (g.Key, (IReadOnlyDictionary<string, long>)new Dictionary<string, long>(StringComparer.Ordinal) { [OverdueNow] = g.LongCount() }))
            .ToArray();
        return Build(units, [OverdueNow], [], minCellSize);
    }

    /// <summary>
    /// Whether the release shows the figure. One no unit adds to is a zero and shown. A combination
    /// of more than <see cref="MaxFilters"/> filters is shown as the lattice's figure of the same
    /// units, if there is one (GT and the corridor GT-MX are the corridor), and withheld otherwise.
    /// </summary>
    public bool Shows(ReleaseNode node, ReleaseCategory category, string name)
    {
        var set = node.Filters <= MaxFilters
            ? lattice.SetOf.GetValueOrDefault((node, category), ReleaseLattice.Empty)
            : wider.GetOrAdd((node, category), key => lattice.SetWith(
                Enumerable.Range(0, units.Count).Where(u => Matches(key.Item1, units[u]) && key.Item2.Matches(units[u].Gender, units[u].Groups))));
        return set switch
        {
            ReleaseLattice.Empty => true,
            ReleaseLattice.Unknown => false,
            _ => !counts[set].TryGetValue(name, out var count) || !count.Withheld,
        };
    }

    private static bool Matches(ReleaseNode node, ReleaseUnitKey unit) =>
        (node.Country is null || node.Country == unit.FromCountry || node.Country == unit.ToCountry)
        && (node.OfficeId is null || node.OfficeId == unit.FromOfficeId || node.OfficeId == unit.ToOfficeId)
        && (node.Corridor is null || node.Corridor == unit.Corridor)
        && (node.Kind is null || node.Kind == unit.Kind)
        && (node.Priority is null || node.Priority == unit.Priority);

    private const string OverdueNow = "overdueNow";

    private static ReleaseUnitKey Key(CellKey k) => new(k.FromOfficeId, k.ToOfficeId, k.FromCountry, k.ToCountry, k.Kind, k.Priority, k.Gender, k.Groups);

    private static ReviewRelease Build(
        IReadOnlyList<(ReleaseUnitKey Key, IReadOnlyDictionary<string, long> Values)> units, IReadOnlyList<string> names,
        IReadOnlyList<(string Whole, IReadOnlyList<string> Parts)> withinRow, int minCellSize)
    {
        var keys = units.Select(u => u.Key).ToArray();
        var lattice = ReleaseLattice.Of(keys, MaxFilters);
        var counts = lattice.Sets
            .Select(set => names.ToDictionary(n => n, n => new ReportCount(set.Sum(u => units[u].Values.GetValueOrDefault(n)), minCellSize), StringComparer.Ordinal))
            .ToArray();
        foreach (var family in Families(names, withinRow))
        {
            if (!counts.Any(c => family.Any(n => c[n].Withheld)))
            {
                continue;
            }

            var exact = new List<IReadOnlyList<ReportCount>>();
            var inexact = new List<IReadOnlyList<ReportCount>>();
            foreach (var (whole, parts, isExact) in lattice.Breakdowns)
            {
                (isExact ? exact : inexact).AddRange(family.Select(n => (IReadOnlyList<ReportCount>)[counts[whole][n], .. parts.Select(p => counts[p][n])]));
            }

            foreach (var set in counts)
            {
                exact.AddRange(withinRow.Where(b => family.Contains(b.Whole)).Select(b => (IReadOnlyList<ReportCount>)[set[b.Whole], .. b.Parts.Select(p => set[p])]));
            }

            var audit = new ReleaseAudit(lattice, counts, family, n => BasesOf(n, withinRow));
            ComplementarySuppression.Apply([.. exact, .. inexact], exact, minCellSize, keys.Length <= MaxAuditedUnits ? audit.WithholdGivenAway : () => false);
        }

        return new ReviewRelease(lattice, keys, counts);
    }

    /// <summary>The counts a count adds up (those of no breakdown within a row are their own).</summary>
    private static IEnumerable<string> BasesOf(string name, IReadOnlyList<(string Whole, IReadOnlyList<string> Parts)> withinRow) =>
        withinRow.FirstOrDefault(b => b.Whole == name) is { Parts: { } parts } ? parts.SelectMany(p => BasesOf(p, withinRow)) : [name];

    /// <summary>The counts joined by breakdowns within a row (sent with its parts, decided with accepted, declined and its codes...); the rest each alone.</summary>
    private static IEnumerable<IReadOnlyList<string>> Families(IReadOnlyList<string> names, IReadOnlyList<(string Whole, IReadOnlyList<string> Parts)> withinRow)
    {
        var family = names.ToDictionary(n => n, n => n, StringComparer.Ordinal);
        string Root(string n) => family[n] == n ? n : Root(family[n]);
        foreach (var (whole, parts) in withinRow)
        {
            foreach (var part in parts)
            {
                family[Root(part)] = Root(whole);
            }
        }

        return names.GroupBy(Root).Select(g => (IReadOnlyList<string>)g.ToArray());
    }
}
