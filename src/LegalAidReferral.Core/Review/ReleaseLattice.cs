using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Core.Review;

/// <summary>
/// The figures of a month's release as sets of units, and the breakdowns between them. Every
/// combination of at most <c>maxFilters</c> filters that some unit is in, by every category, is a
/// set of units; combinations and categories that add up the same units are one figure. The
/// breakdowns (each a whole set and its part sets): a combination by gender (exact), by named group
/// (not exact: a referral may be in several), and by corridor, kind and priority (exact: a referral
/// has one of each), for each category.
/// </summary>
internal sealed class ReleaseLattice
{
    private static readonly GenderCategory[] Genders = Enum.GetValues<GenderCategory>();

    private static readonly int[] Singles = Enumerable.Range(0, ReviewGroups.Named.Count).Select(i => 1 << i).ToArray();

    private readonly Dictionary<string, int> setIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> breakdownKeys = new(StringComparer.Ordinal);

    /// <summary>The set id of a figure no unit adds to.</summary>
    public const int Empty = -1;

    /// <summary>The set id of units no figure of the lattice adds up.</summary>
    public const int Unknown = -2;

    private ReleaseLattice(int units) => Units = units;

    public int Units { get; }

    /// <summary>Each distinct figure's units, in ascending order.</summary>
    public List<int[]> Sets { get; } = [];

    public Dictionary<(ReleaseNode Node, ReleaseCategory Category), int> SetOf { get; } = [];

    public List<(int Whole, int[] Parts, bool Exact)> Breakdowns { get; } = [];

    /// <summary>For each unit, the sets it is in.</summary>
    public List<int>[] SetsOfUnit { get; private set; } = [];

    public static ReleaseLattice Of(IReadOnlyList<ReleaseUnitKey> units, int maxFilters)
    {
        var lattice = new ReleaseLattice(units.Count);
        var nodes = new Dictionary<ReleaseNode, Dictionary<ReleaseCategory, List<int>>>();
        for (var u = 0; u < units.Count; u++)
        {
            foreach (var node in ReleaseNode.Around(units[u], maxFilters))
            {
                if (!nodes.TryGetValue(node, out var categories))
                {
                    nodes[node] = categories = [];
                }

                foreach (var category in ReleaseCategory.Of(units[u].Gender, units[u].Groups))
                {
                    if (!categories.TryGetValue(category, out var members))
                    {
                        categories[category] = members = [];
                    }

                    members.Add(u);
                }
            }
        }

        foreach (var (node, categories) in nodes)
        {
            foreach (var (category, members) in categories)
            {
                lattice.SetOf[(node, category)] = lattice.Intern(members);
            }
        }

        lattice.SetsOfUnit = Enumerable.Range(0, units.Count).Select(_ => new List<int>()).ToArray();
        for (var s = 0; s < lattice.Sets.Count; s++)
        {
            foreach (var u in lattice.Sets[s])
            {
                lattice.SetsOfUnit[u].Add(s);
            }
        }

        foreach (var node in nodes.Keys)
        {
            lattice.ByCategory(node);
        }

        lattice.Partitions(nodes, n => n.Corridor is not null, n => n with { Corridor = null });
        lattice.Partitions(nodes, n => n.Kind is not null, n => n with { Kind = null });
        lattice.Partitions(nodes, n => n.Priority is not null, n => n with { Priority = null });
        return lattice;
    }

    /// <summary>A combination by gender within each group selection, and by named group within each gender.</summary>
    private void ByCategory(ReleaseNode node)
    {
        int[] selections = [ReleaseCategory.AnyGroups, 0, .. Singles, .. Singles.SelectMany((a, i) => Singles.Skip(i + 1).Select(b => a | b))];
        foreach (var groups in selections)
        {
            Add(node, new(null, groups), Genders.Select(g => new ReleaseCategory(g, groups)), exact: true);
        }

        foreach (var gender in Genders.Select(g => (GenderCategory?)g).Prepend(null))
        {
            Add(node, new(gender, ReleaseCategory.AnyGroups), Singles.Append(0).Select(g => new ReleaseCategory(gender, g)), exact: false);
            foreach (var single in Singles)
            {
                Add(node, new(gender, single), Singles.Where(s => s != single).Select(s => new ReleaseCategory(gender, single | s)), exact: false);
            }
        }
    }

    /// <summary>Each combination without one filter by that filter's values, in every category.</summary>
    private void Partitions(
        Dictionary<ReleaseNode, Dictionary<ReleaseCategory, List<int>>> nodes, Func<ReleaseNode, bool> sets, Func<ReleaseNode, ReleaseNode> without)
    {
        foreach (var children in nodes.Keys.Where(sets).GroupBy(without))
        {
            foreach (var category in nodes[children.Key].Keys)
            {
                Add(children.Key, category, children.Select(c => (c, category)));
            }
        }
    }

    private void Add(ReleaseNode node, ReleaseCategory whole, IEnumerable<ReleaseCategory> parts, bool exact) =>
        Add(node, whole, parts.Select(p => (node, p)), exact);

    private void Add(ReleaseNode node, ReleaseCategory whole, IEnumerable<(ReleaseNode Node, ReleaseCategory Category)> parts, bool exact = true)
    {
        if (!SetOf.TryGetValue((node, whole), out var wholeSet))
        {
            return;
        }

        var partSets = parts.Select(p => SetOf.TryGetValue(p, out var s) ? s : -1).Where(s => s >= 0).ToArray();
        if (partSets.Length == 0 || (partSets.Length == 1 && partSets[0] == wholeSet))
        {
            return;
        }

        if (breakdownKeys.Add($"{(exact ? 'e' : 'i')}{wholeSet}:{string.Join(',', partSets.Order())}"))
        {
            Breakdowns.Add((wholeSet, partSets, exact));
        }
    }

    /// <summary>The figure that adds up exactly <paramref name="members"/> (in ascending order): its set id, <see cref="Empty"/> or <see cref="Unknown"/>.</summary>
    public int SetWith(IEnumerable<int> members)
    {
        var key = string.Join(',', members);
        return key.Length == 0 ? Empty : setIds.GetValueOrDefault(key, Unknown);
    }

    private int Intern(List<int> members)
    {
        var key = string.Join(',', members);
        if (!setIds.TryGetValue(key, out var id))
        {
            setIds[key] = id = Sets.Count;
            Sets.Add([.. members]);
        }

        return id;
    }
}
