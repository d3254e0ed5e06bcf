namespace LegalAidReferral.Core.Review;

/// <summary>
/// Makes small cells impossible to work out from the shown counts. A report publishes breakdowns:
/// a whole and the parts it is the sum of (a total and its genders, its groups, a range and its
/// months, sent and its consent and override parts...).
/// <list type="number">
/// <item>When exactly one count of a breakdown is withheld, the others give it away; so that
/// breakdown's smallest shown non-zero part is withheld too (the first in the breakdown's order among
/// equal ones; else its whole; else a zero, which only a zero withheld by step 2 can need), until no
/// breakdown has exactly one withheld count.</item>
/// <item>Combined, exact breakdowns can still give a count away (the rows and the columns of a table
/// of months by genders, say): <see cref="SuppressionAudit"/> finds every such count, and for each
/// the smallest shown count of the breakdowns it is in is withheld too (non-zero first); then both
/// steps again, until the audit finds none. Withholding everything gives nothing away, so this ends.</item>
/// </list>
/// </summary>
public static class ComplementarySuppression
{
    /// <param name="breakdowns">Each breakdown: the whole first, then its parts.</param>
    /// <param name="exact">The breakdowns whose whole is exactly the sum of its parts (a subset of <paramref name="breakdowns"/>).</param>
    public static void Apply(IReadOnlyList<IReadOnlyList<ReportCount>> breakdowns, IReadOnlyList<IReadOnlyList<ReportCount>> exact)
    {
        ArgumentNullException.ThrowIfNull(breakdowns);
        ArgumentNullException.ThrowIfNull(exact);
        while (true)
        {
            NoBreakdownWithOne(breakdowns);
            var givenAway = SuppressionAudit.GivenAway(exact);
            if (givenAway.Count == 0)
            {
                return;
            }

            foreach (var count in givenAway)
            {
                var around = exact.Where(b => b.Contains(count)).ToArray();
                var partner = Smallest(around.SelectMany(b => b))
                    ?? Smallest(exact.Where(b => b.Any(c => c.Withheld)).SelectMany(b => b))
                    ?? throw new InvalidOperationException("A count is given away though every count is withheld.");
                partner.Withhold();
            }
        }
    }

    private static void NoBreakdownWithOne(IReadOnlyList<IReadOnlyList<ReportCount>> breakdowns)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var breakdown in breakdowns)
            {
                if (breakdown.Count(c => c.Withheld) != 1)
                {
                    continue;
                }

                var partner = breakdown.Skip(1).Where(c => c is { Withheld: false, Value: > 0 }).MinBy(c => c.Value)
                    ?? (breakdown[0] is { Withheld: false, Value: > 0 } whole ? whole : null)
                    ?? Smallest(breakdown);
                if (partner is not null)
                {
                    partner.Withhold();
                    changed = true;
                }
            }
        }
    }

    /// <summary>The smallest shown count, non-zero ones first.</summary>
    private static ReportCount? Smallest(IEnumerable<ReportCount> counts) =>
        counts.Where(c => !c.Withheld).OrderBy(c => c.Value == 0).ThenBy(c => c.Value).FirstOrDefault();
}
