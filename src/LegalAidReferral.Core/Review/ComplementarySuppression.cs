namespace LegalAidReferral.Core.Review;

/// <summary>
/// Makes small cells impossible to work out from the shown counts. A month's release
/// (<see cref="ReviewRelease"/>) has breakdowns: a whole and the parts it is the sum of (a
/// combination and its genders, its groups, its corridors, kinds and priorities; sent and its consent
/// and override parts...).
/// <list type="number">
/// <item>When exactly one count of a breakdown is withheld, the others give it away; so that
/// breakdown's smallest shown non-zero part is withheld too (the first in the breakdown's order among
/// equal ones; else its whole; else a zero, which only a zero withheld by step 2 can need), until no
/// breakdown has exactly one withheld count.</item>
/// <item>The caller's audit (<see cref="ReleaseAudit"/>) finds what any combination of the shown
/// counts still gives away and withholds more; then both steps again, until it withholds nothing.
/// Withholding everything gives nothing away, so this ends.</item>
/// </list>
/// Step 1 also keeps withholding in an exact breakdown whose whole is shown while its withheld parts
/// add up to less than <c>MinCellSize</c> + (withheld - 1): their sum is the whole less the shown
/// parts, so below that one of them would be bounded under <c>MinCellSize</c> by the others being at
/// least 1 (two withheld counts adding up to 2 are 1 each).
/// </summary>
public static class ComplementarySuppression
{
    /// <param name="breakdowns">Each breakdown: the whole first, then its parts.</param>
    /// <param name="exact">The breakdowns whose whole is exactly the sum of its parts (a subset of <paramref name="breakdowns"/>).</param>
    /// <param name="minCellSize">The smallest count shown.</param>
    /// <param name="withholdMore">
    /// Run once no breakdown has a single withheld count: withholds counts by the caller's audit (and
    /// tells whether it withheld any, then step 1 runs again), until it withholds nothing.
    /// </param>
    public static void Apply(
        IReadOnlyList<IReadOnlyList<ReportCount>> breakdowns, IReadOnlyList<IReadOnlyList<ReportCount>> exact, int minCellSize, Func<bool> withholdMore)
    {
        ArgumentNullException.ThrowIfNull(breakdowns);
        ArgumentNullException.ThrowIfNull(exact);
        ArgumentNullException.ThrowIfNull(withholdMore);
        var isExact = new HashSet<IReadOnlyList<ReportCount>>(exact, ReferenceEqualityComparer.Instance);
        var containing = Containing(breakdowns);
        var dirty = Enumerable.Repeat(true, breakdowns.Count).ToArray();
        do
        {
            Array.Fill(dirty, true);
            NoBreakdownWithOne(breakdowns, isExact, containing, dirty, minCellSize);
        }
        while (withholdMore());
    }

    /// <summary>
    /// Runs through the breakdowns in order until none has exactly one withheld count (nor too narrow
    /// a sum of withheld parts), looking again only at those a newly withheld count is in.
    /// </summary>
    private static void NoBreakdownWithOne(
        IReadOnlyList<IReadOnlyList<ReportCount>> breakdowns, HashSet<IReadOnlyList<ReportCount>> exact, Dictionary<ReportCount, List<int>> containing,
        bool[] dirty, int minCellSize)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            for (var b = 0; b < breakdowns.Count; b++)
            {
                if (!dirty[b])
                {
                    continue;
                }

                dirty[b] = false;
                var breakdown = breakdowns[b];
                var withheld = breakdown.Count(c => c.Withheld);
                if (withheld != 1 && !(withheld > 1 && exact.Contains(breakdown) && Narrow(breakdown, withheld, minCellSize)))
                {
                    continue;
                }

                var partner = breakdown.Skip(1).Where(c => c is { Withheld: false, Value: > 0 }).MinBy(c => c.Value)
                    ?? (breakdown[0] is { Withheld: false, Value: > 0 } whole ? whole : null)
                    ?? Smallest(breakdown);
                if (partner is not null)
                {
                    Withhold(partner, containing, dirty);
                    changed = true;
                }
            }
        }
    }

    private static void Withhold(ReportCount count, Dictionary<ReportCount, List<int>> containing, bool[] dirty)
    {
        count.Withhold();
        foreach (var b in containing[count])
        {
            dirty[b] = true;
        }
    }

    /// <summary>For each count, the indexes of the breakdowns it is in.</summary>
    private static Dictionary<ReportCount, List<int>> Containing(IReadOnlyList<IReadOnlyList<ReportCount>> breakdowns)
    {
        var containing = new Dictionary<ReportCount, List<int>>(ReferenceEqualityComparer.Instance);
        for (var b = 0; b < breakdowns.Count; b++)
        {
            foreach (var count in breakdowns[b])
            {
                if (!containing.TryGetValue(count, out var list))
                {
                    containing[count] = list = [];
                }

                list.Add(b);
            }
        }

        return containing;
    }

    /// <summary>
    /// Whether an exact breakdown's shown whole less its shown parts (the sum of its withheld parts)
    /// is under <paramref name="minCellSize"/> + (<paramref name="withheld"/> - 1).
    /// </summary>
    private static bool Narrow(IReadOnlyList<ReportCount> breakdown, int withheld, int minCellSize) =>
        !breakdown[0].Withheld && breakdown.Skip(1).Where(c => c.Withheld).Sum(c => c.Value) < minCellSize + withheld - 1;

    /// <summary>The smallest shown count, non-zero ones first.</summary>
    private static ReportCount? Smallest(IEnumerable<ReportCount> counts) =>
        counts.Where(c => !c.Withheld).OrderBy(c => c.Value == 0).ThenBy(c => c.Value).FirstOrDefault();
}
