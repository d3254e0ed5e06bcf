namespace LegalAidReferral.Core.Review;

/// <summary>
/// Finds the withheld counts that exact breakdowns still give away when combined. Each exact
/// breakdown is an equation, whole - parts = 0; with the shown counts moved to the other side, the
/// withheld counts are its unknowns. A withheld count is given away when some combination of the
/// equations leaves it as the only unknown (rows and columns of a table, say, when it is the only
/// withheld count linking two groups of them): when its unit vector is in the row space of the
/// equations over the withheld counts. Found by sparse Gauss-Jordan elimination, one connected group
/// of withheld counts at a time.
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

    /// <summary>
    /// The unknowns of one connected group of equations whose value the equations fix. The equations
    /// are brought one by one into reduced row echelon form, kept sparse (a breakdown names a few
    /// counts, and a group can hold thousands): each new equation is reduced by the rows so far, and
    /// its pivot is then cleared from them. An unknown is fixed when a reduced row is its unit vector.
    /// </summary>
    private static IEnumerable<int> GivenAway((int Unknown, double Sign)[][] equations)
    {
        var rowByPivot = new Dictionary<int, Dictionary<int, double>>();
        var pivotsUsing = new Dictionary<int, HashSet<int>>();
        foreach (var equation in equations)
        {
            var row = new Dictionary<int, double>();
            foreach (var (unknown, sign) in equation)
            {
                row[unknown] = row.GetValueOrDefault(unknown) + sign;
            }

            foreach (var pivot in row.Keys.Where(rowByPivot.ContainsKey).ToArray())
            {
                AddScaled(row, rowByPivot[pivot], -row.GetValueOrDefault(pivot), null, pivotsUsing);
            }

            foreach (var zero in row.Where(t => Math.Abs(t.Value) <= Tolerance).Select(t => t.Key).ToArray())
            {
                row.Remove(zero);
            }

            if (row.Count == 0)
            {
                continue;
            }

            var newPivot = row.MaxBy(t => Math.Abs(t.Value)).Key;
            var scale = 1 / row[newPivot];
            foreach (var unknown in row.Keys.ToArray())
            {
                row[unknown] *= scale;
            }

            if (pivotsUsing.TryGetValue(newPivot, out var users))
            {
                foreach (var other in users.ToArray())
                {
                    AddScaled(rowByPivot[other], row, -rowByPivot[other][newPivot], other, pivotsUsing);
                }
            }

            rowByPivot[newPivot] = row;
            foreach (var unknown in row.Keys)
            {
                UsedBy(pivotsUsing, unknown).Add(newPivot);
            }
        }

        return rowByPivot.Where(r => r.Value.Count == 1).Select(r => r.Key);
    }

    /// <summary>Adds <paramref name="factor"/> x <paramref name="source"/> to <paramref name="target"/> (the reduced row of <paramref name="owner"/>, if any, whose unknowns are indexed).</summary>
    private static void AddScaled(
        Dictionary<int, double> target, Dictionary<int, double> source, double factor, int? owner, Dictionary<int, HashSet<int>> pivotsUsing)
    {
        if (Math.Abs(factor) <= Tolerance)
        {
            return;
        }

        foreach (var (unknown, value) in source)
        {
            var sum = target.GetValueOrDefault(unknown) + (factor * value);
            var zero = Math.Abs(sum) <= Tolerance;
            if (zero)
            {
                target.Remove(unknown);
            }
            else
            {
                target[unknown] = sum;
            }

            if (owner is { } pivot)
            {
                _ = zero ? UsedBy(pivotsUsing, unknown).Remove(pivot) : UsedBy(pivotsUsing, unknown).Add(pivot);
            }
        }
    }

    private static HashSet<int> UsedBy(Dictionary<int, HashSet<int>> pivotsUsing, int unknown)
    {
        if (!pivotsUsing.TryGetValue(unknown, out var pivots))
        {
            pivotsUsing[unknown] = pivots = [];
        }

        return pivots;
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
