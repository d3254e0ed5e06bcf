using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Core.Review;

/// <summary>
/// One filter combination of a month's release: at most one value of each filter a request may set
/// (country and office at either end, corridor, kind, priority); all null is the month unfiltered.
/// </summary>
public readonly record struct ReleaseNode(string? Country, string? OfficeId, string? Corridor, ReferralKind? Kind, Priority? Priority)
{
    /// <summary>How many of the five filters are set.</summary>
    public int Filters =>
        (Country is null ? 0 : 1) + (OfficeId is null ? 0 : 1) + (Corridor is null ? 0 : 1) + (Kind is null ? 0 : 1) + (Priority is null ? 0 : 1);

    public static ReleaseNode Of(ReviewQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new(query.Country, query.OfficeId, query.FromCountry is null ? null : $"{query.FromCountry}-{query.ToCountry}", query.Kind, query.Priority);
    }

    /// <summary>Every combination of at most <paramref name="maxFilters"/> filters whose referrals include those of <paramref name="key"/>.</summary>
    internal static IEnumerable<ReleaseNode> Around(ReleaseUnitKey key, int maxFilters)
    {
        var nodes = new HashSet<ReleaseNode>();
        foreach (var country in new[] { null, key.FromCountry, key.ToCountry })
        {
            foreach (var office in new[] { null, key.FromOfficeId, key.ToOfficeId })
            {
                foreach (var corridor in new[] { null, key.Corridor })
                {
                    foreach (var kind in new ReferralKind?[] { null, key.Kind })
                    {
                        foreach (var priority in new Priority?[] { null, key.Priority })
                        {
                            var node = new ReleaseNode(country, office, corridor, kind, priority);
                            if (node.Filters <= maxFilters)
                            {
                                nodes.Add(node);
                            }
                        }
                    }
                }
            }
        }

        return nodes;
    }
}

/// <summary>
/// Which referrals of a combination a figure counts: one gender or any (null), and by the named
/// vulnerable groups (<see cref="ReviewGroups"/> mask) any (<see cref="AnyGroups"/>), none (0), or
/// those in every group of a mask of one or two groups (a report filtered on a group shows each other
/// group's row as the referrals in both).
/// </summary>
public readonly record struct ReleaseCategory(GenderCategory? Gender, int Groups)
{
    public const int AnyGroups = -1;

    public static ReleaseCategory All { get; } = new(null, AnyGroups);

    public bool Matches(GenderCategory gender, int mask) =>
        (Gender is null || Gender == gender) && (Groups == AnyGroups || (Groups == 0 ? mask == 0 : (mask & Groups) == Groups));

    /// <summary>Every category a referral of <paramref name="gender"/> and groups <paramref name="mask"/> is counted in.</summary>
    internal static IEnumerable<ReleaseCategory> Of(GenderCategory gender, int mask)
    {
        var bits = Enumerable.Range(0, ReviewGroups.Named.Count).Where(i => (mask & (1 << i)) != 0).Select(i => 1 << i).ToArray();
        int[] groups = [AnyGroups, .. mask == 0 ? [0] : bits, .. bits.SelectMany((a, i) => bits.Skip(i + 1).Select(b => a | b))];
        return groups.SelectMany(g => new[] { new ReleaseCategory(null, g), new ReleaseCategory(gender, g) });
    }
}

/// <summary>What a unit of a release is: a cell without its month (or an overdue referral's), the smallest thing a figure adds up.</summary>
internal readonly record struct ReleaseUnitKey(
    string FromOfficeId, string ToOfficeId, string FromCountry, string ToCountry, ReferralKind Kind, Priority Priority, GenderCategory Gender, int Groups)
{
    public string Corridor => $"{FromCountry}-{ToCountry}";
}
