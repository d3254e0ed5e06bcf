namespace LegalAidReferral.Core.Review;

/// <summary>
/// Finds the withheld figures of one family of counts in a month's release that the shown ones give
/// away in any combination, and withholds a partner for each. A figure is a vector over one unknown
/// per unit and base count (a count that is no sum of others: <c>sent</c> is its consent and override
/// parts); it is given away exactly when it lies in the span of the shown figures' vectors, which
/// <see cref="ModularSpace"/> decides exactly. This catches every relation the units imply, not only
/// the breakdowns written out (a country's sending offices add up to its outgoing corridors, say).
/// </summary>
internal sealed class ReleaseAudit(
    ReleaseLattice lattice, IReadOnlyList<Dictionary<string, ReportCount>> counts, IReadOnlyList<string> family, Func<string, IEnumerable<string>> basesOf)
{
    private readonly string[] bases = family.SelectMany(basesOf).Distinct().ToArray();

    private Dictionary<string, int[]>? basesByName;

    private Dictionary<string, string[]>? sharing;

    /// <summary>For each count of the family, the indexes of its bases.</summary>
    private Dictionary<string, int[]> BasesByName => basesByName ??= family.ToDictionary(n => n, n => basesOf(n).Select(b => Array.IndexOf(bases, b)).ToArray(), StringComparer.Ordinal);

    /// <summary>For each count of the family, the counts that share a base with it.</summary>
    private Dictionary<string, string[]> Sharing => sharing ??= family.ToDictionary(
        n => n, n => family.Where(m => BasesByName[m].Intersect(BasesByName[n]).Any()).ToArray(), StringComparer.Ordinal);

    /// <summary>Withholds, for each withheld figure the shown ones give away, the smallest shown figure that shares an unknown with it (non-zero first); tells whether it withheld any.</summary>
    public bool WithholdGivenAway()
    {
        var space = new ModularSpace(lattice.Units * bases.Length);
        var withheld = new List<(int Set, string Name)>();
        for (var s = 0; s < counts.Count; s++)
        {
            foreach (var name in family)
            {
                if (counts[s][name].Withheld)
                {
                    withheld.Add((s, name));
                }
                else
                {
                    space.Add(Vector(s, name));
                }
            }
        }

        var given = withheld.Where(w => space.Spans(Vector(w.Set, w.Name))).ToArray();
        foreach (var (set, name) in given)
        {
            var partner = lattice.Sets[set].SelectMany(u => lattice.SetsOfUnit[u]).Distinct()
                .SelectMany(s => Sharing[name].Select(n => counts[s][n]))
                .Where(c => !c.Withheld)
                .OrderBy(c => c.Value == 0)
                .ThenBy(c => c.Value)
                .FirstOrDefault();
            partner?.Withhold();
        }

        return given.Length > 0;
    }

    private int[] Vector(int set, string name)
    {
        var indexes = BasesByName[name];
        var units = lattice.Sets[set];
        var vector = new int[units.Length * indexes.Length];
        for (var i = 0; i < units.Length; i++)
        {
            for (var b = 0; b < indexes.Length; b++)
            {
                vector[(i * indexes.Length) + b] = (units[i] * bases.Length) + indexes[b];
            }
        }

        return vector;
    }
}
