namespace LegalAidReferral.Core.Review;

/// <summary>
/// Finds the withheld counts that exact breakdowns still give away when combined. Each exact
/// breakdown is an equation, whole - parts = 0; with the shown counts moved to the other side, the
/// withheld counts are its unknowns. A withheld count is given away when some combination of the
/// equations leaves it as the only unknown (rows and columns of a table, say, when it is the only
/// withheld count linking two groups of them): when its unit vector is in the row space of the
/// equations over the withheld counts. Found by Gauss-Jordan elimination with partial pivoting, one
/// connected group of withheld counts at a time.
/// </summary>
internal static class SuppressionAudit
{
    /// <summary>Coefficients start at 1 and -1 and stay simple fractions; anything smaller than this is a rounding residue.</summary>
    private const double Tolerance = 1e-9;

    public static IReadOnlyList<ReportCount> GivenAway(IReadOnlyList<IReadOnlyList<ReportCount>> exactBreakdowns)
    {
        var unknowns = new Dictionary<ReportCount, int>(ReferenceEqualityComparer.Instance);
        var equations = new List<(int Unknown, double Sign)[]>();
        foreach (var breakdown in exactBreakdowns)
        {
            var equation = breakdown.Select((count, i) => (count, i)).Where(c => c.count.Withheld)
                .Select(c => (Index(unknowns, c.count), c.i == 0 ? 1.0 : -1.0))
                .ToArray();
            if (equation.Length > 0)
            {
                equations.Add(equation);
            }
        }

        var groups = new int[unknowns.Count];
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i] = i;
        }

        foreach (var equation in equations)
        {
            foreach (var (unknown, _) in equation.Skip(1))
            {
                groups[Root(groups, unknown)] = Root(groups, equation[0].Unknown);
            }
        }

        var byIndex = unknowns.OrderBy(u => u.Value).Select(u => u.Key).ToArray();
        return equations.GroupBy(e => Root(groups, e[0].Unknown))
            .SelectMany(group => GivenAway(group.ToArray()))
            .Select(i => byIndex[i])
            .ToArray();
    }

    /// <summary>The unknowns of one connected group of equations whose value the equations fix.</summary>
    private static IEnumerable<int> GivenAway((int Unknown, double Sign)[][] equations)
    {
        var columns = equations.SelectMany(e => e.Select(t => t.Unknown)).Distinct().ToArray();
        var column = columns.Select((unknown, i) => (unknown, i)).ToDictionary(c => c.unknown, c => c.i);
        var rows = equations.Select(e =>
        {
            var row = new double[columns.Length];
            foreach (var (unknown, sign) in e)
            {
                row[column[unknown]] += sign;
            }

            return row;
        }).ToArray();

        var pivots = new List<(int Column, int Row)>();
        for (int c = 0, r = 0; c < columns.Length && r < rows.Length; c++)
        {
            var best = -1;
            for (var i = r; i < rows.Length; i++)
            {
                if (Math.Abs(rows[i][c]) > Tolerance && (best < 0 || Math.Abs(rows[i][c]) > Math.Abs(rows[best][c])))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                continue;
            }

            (rows[r], rows[best]) = (rows[best], rows[r]);
            var pivot = rows[r];
            var scale = 1 / pivot[c];
            var nonZero = new List<int>();
            for (var j = c; j < pivot.Length; j++)
            {
                pivot[j] = Math.Abs(pivot[j]) > Tolerance ? pivot[j] * scale : 0;
                if (pivot[j] != 0)
                {
                    nonZero.Add(j);
                }
            }

            // The equations are sparse (a breakdown names a few counts), so only the pivot row's non-zero columns change.
            for (var i = 0; i < rows.Length; i++)
            {
                var row = rows[i];
                var factor = row[c];
                if (i != r && Math.Abs(factor) > Tolerance)
                {
                    foreach (var j in nonZero)
                    {
                        var value = row[j] - (factor * pivot[j]);
                        row[j] = Math.Abs(value) > Tolerance ? value : 0;
                    }

                    row[c] = 0;
                }
            }

            pivots.Add((c, r));
            r++;
        }

        return pivots.Where(p => rows[p.Row].Count(v => Math.Abs(v) > Tolerance) == 1).Select(p => columns[p.Column]);
    }

    private static int Index(Dictionary<ReportCount, int> unknowns, ReportCount count)
    {
        if (!unknowns.TryGetValue(count, out var index))
        {
            unknowns[count] = index = unknowns.Count;
        }

        return index;
    }

    private static int Root(int[] groups, int i)
    {
        while (groups[i] != i)
        {
            groups[i] = groups[groups[i]];
            i = groups[i];
        }

        return i;
    }
}
