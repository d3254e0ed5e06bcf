using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Core.Review;

/// <summary>What a reviewer asks: the months and dimensions, and optionally one gender and one named vulnerable group.</summary>
public sealed record AdherenceRequest(ReviewQuery Query, GenderCategory? Gender = null, Vulnerability? Group = null)
{
    public bool FiltersCategories => Gender is not null || Group is not null;

    public bool Matches(GenderCategory gender, int groups) =>
        (Gender is null || Gender == gender) && (Group is not { } group || ReviewGroups.Has(groups, group));
}

/// <summary>One row of indicators for a category (a gender, or a named vulnerable group, or <see cref="ReviewGroups.None"/>).</summary>
public sealed record CategoryIndicators(string Category, IReadOnlyDictionary<string, object?> Indicators);

/// <summary>
/// A period's indicators (<c>all</c> for the whole range, or a month): in total, by gender, by
/// vulnerable group, and, for the whole range only (empty in a month), the same for each corridor.
/// </summary>
public sealed record Breakdown(
    string Period,
    IReadOnlyDictionary<string, object?> Total,
    IReadOnlyList<CategoryIndicators> ByGender,
    IReadOnlyList<CategoryIndicators> ByGroup,
    IReadOnlyList<CorridorIndicators> ByCorridor);

/// <summary>One corridor's indicators in a period (from country to country, <c>GT-MX</c>): in total, by gender and by vulnerable group.</summary>
public sealed record CorridorIndicators(
    string Corridor, IReadOnlyDictionary<string, object?> Total, IReadOnlyList<CategoryIndicators> ByGender, IReadOnlyList<CategoryIndicators> ByGroup);

/// <summary>A referral with a deadline overdue now: pseudonymous, without categories.</summary>
public sealed record OverdueReferral(
    string ReferralPseudonym, ReferralKind Kind, Priority Priority, string FromOfficeId, string ToOfficeId, string Corridor, DeadlineKind Deadline, DateTimeOffset DueAt);

public sealed record AdherenceReport(
    string From,
    string To,
    string TimeZone,
    int MinCellSize,
    DateTimeOffset GeneratedAt,
    Breakdown Summary,
    IReadOnlyList<Breakdown> Monthly,
    IReadOnlyList<OverdueReferral> Overdue)
{
    public const string AllPeriods = "all";

    private const string OverdueNow = "overdueNow";

    /// <summary>The longest overdue list a report carries (oldest due first); the count covers them all.</summary>
    public const int MaxOverdueListed = 100;

    /// <summary>
    /// Adds up the cells and overdue referrals the request matches for the whole range, each month,
    /// each gender, each named group and (the range only) each corridor, and shows each figure only
    /// as the month releases (<see cref="ReviewRelease"/>) show it: a month's figure as that month's
    /// release does, a range figure only when every month it adds up is shown (for <c>overdueNow</c>,
    /// every month a deadline of an overdue referral fell due in). The report suppresses nothing on
    /// its own, so every report of every filter and range tells no more than the releases. The
    /// overdue list is left out when the request filters by a category, since it would tell the
    /// category of each listed referral.
    /// </summary>
    /// <param name="cells">Every cell of the range's months (a release is built from whole months; the request's filters are applied here).</param>
    /// <param name="overdue">Every referral overdue now (the releases of the months they fell due in need them all).</param>
    /// <param name="releases">The releases already built (<see cref="ReviewReleases"/>); by default, built for this report alone.</param>
    public static AdherenceReport Build(
        IEnumerable<AdherenceCell> cells, IEnumerable<ReviewReferral> overdue, AdherenceRequest request, ReviewSettings settings, DateTimeOffset now,
        ReviewReleases? releases = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        var query = request.Query;
        var months = ReviewPeriods.Between(query.FromPeriod, query.ToPeriod).ToArray();
        var periods = new Dictionary<string, Period>(StringComparer.Ordinal) { [AllPeriods] = new Period(request) };
        foreach (var month in months)
        {
            periods[month] = new Period(request);
        }

        var monthCells = new Dictionary<string, List<AdherenceCell>>(StringComparer.Ordinal);
        foreach (var cell in cells)
        {
            var key = cell.Key;
            if (!periods.TryGetValue(key.Period, out var month))
            {
                continue;
            }

            Of(monthCells, key.Period).Add(cell);
            if (query.Matches(key.FromOfficeId, key.ToOfficeId, key.FromCountry, key.ToCountry, key.Kind, key.Priority) && request.Matches(key.Gender, key.Groups))
            {
                periods[AllPeriods].Add(key.Corridor, key.Gender, key.Groups, cell.Counts, 0);
                month.Add(null, key.Gender, key.Groups, cell.Counts, 0);
            }
        }

        var dueMonths = new Dictionary<string, List<ReviewReferral>>(StringComparer.Ordinal);
        var listed = new List<OverdueReferral>();
        foreach (var referral in overdue.OrderBy(r => r.NextDueAt))
        {
            var next = referral.NextDeadline!;
            var due = ReviewPeriods.MonthOf(next.DueAt, settings.TimeZone);
            Of(dueMonths, due).Add(referral);
            if (!query.Matches(referral.FromOfficeId, referral.ToOfficeId, referral.FromCountry, referral.ToCountry, referral.Kind, referral.Priority)
                || !request.Matches(referral.Gender, referral.Groups))
            {
                continue;
            }

            periods[AllPeriods].Add(referral.Corridor, referral.Gender, referral.Groups, null, 1);
            if (periods.TryGetValue(due, out var dueMonth))
            {
                dueMonth.Add(null, referral.Gender, referral.Groups, null, 1);
            }

            if (!request.FiltersCategories && listed.Count < MaxOverdueListed)
            {
                listed.Add(new OverdueReferral(
                    referral.Pseudonym, referral.Kind, referral.Priority, referral.FromOfficeId, referral.ToOfficeId, referral.Corridor, next.Kind, next.DueAt));
            }
        }

        var read = new Releases(releases ?? new ReviewReleases(), monthCells, dueMonths, settings.MinCellSize);
        Publish(periods, months, ReleaseNode.Of(query), read, settings.MinCellSize);
        return new AdherenceReport(
            query.FromPeriod,
            query.ToPeriod,
            settings.TimeZone.Id,
            settings.MinCellSize,
            now,
            periods[AllPeriods].Breakdown(AllPeriods, settings.MinCellSize),
            months.Select(m => periods[m].Breakdown(m, settings.MinCellSize)).ToArray(),
            listed);
    }

    /// <summary>
    /// Withholds every figure the releases do not show (small counts are withheld by
    /// <see cref="ReportCount"/> already, as in the releases). A threshold of 1 withholds nothing, so
    /// no release is read then.
    /// </summary>
    private static void Publish(Dictionary<string, Period> periods, string[] months, ReleaseNode node, Releases releases, int minCellSize)
    {
        var sums = periods.Values.SelectMany(p => p.Rows).SelectMany(r => r.Sums).ToArray();
        var reasonCodes = sums.SelectMany(s => s.ReasonCodes).Distinct().Order(StringComparer.Ordinal).ToArray();
        foreach (var (period, rows) in periods.SelectMany(p => p.Value.Rows.Select(r => (p.Key, r))))
        {
            var rowNode = rows.Corridor is null ? node : node with { Corridor = rows.Corridor };
            foreach (var sum in rows.Sums)
            {
                sum.Publish(reasonCodes, minCellSize);
                foreach (var (name, count) in sum.Published)
                {
                    if (minCellSize > 1 && sum.Category is { } category && !releases.Show(period == AllPeriods ? months : [period], period == AllPeriods, rowNode, category, name))
                    {
                        count.Withhold();
                    }
                }
            }
        }
    }

    private static List<T> Of<T>(Dictionary<string, List<T>> lists, string key)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }

        return list;
    }

    /// <summary>The month releases a report reads, each built (or taken from the cache) when first asked.</summary>
    private sealed class Releases(
        ReviewReleases cache, Dictionary<string, List<AdherenceCell>> monthCells, Dictionary<string, List<ReviewReferral>> dueMonths, int minCellSize)
    {
        private readonly Dictionary<string, ReviewRelease> cells = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ReviewRelease> overdue = new(StringComparer.Ordinal);

        /// <summary>
        /// Whether every one of <paramref name="months"/> shows the figure (a range's <c>overdueNow</c>
        /// also counts deadlines that fell due before the range: every month one fell due in).
        /// </summary>
        public bool Show(IEnumerable<string> months, bool range, ReleaseNode node, ReleaseCategory category, string name)
        {
            if (name != OverdueNow)
            {
                return months.All(m => Of(cells, m, () => cache.OfCells(m, monthCells.GetValueOrDefault(m) ?? [], minCellSize)).Shows(node, category, name));
            }

            return (range ? dueMonths.Keys : months).All(m =>
                !dueMonths.TryGetValue(m, out var due) || Of(overdue, m, () => cache.OfOverdue(m, due, minCellSize)).Shows(node, category, name));
        }

        private static ReviewRelease Of(Dictionary<string, ReviewRelease> releases, string month, Func<ReviewRelease> build)
        {
            if (!releases.TryGetValue(month, out var release))
            {
                releases[month] = release = build();
            }

            return release;
        }
    }

    /// <summary>The rows of one period: all its referrals, and (the whole range only) those of each corridor, in ordinal order.</summary>
    private sealed class Period(AdherenceRequest request)
    {
        private readonly SortedDictionary<string, Rows> corridors = new(StringComparer.Ordinal);

        public Rows All { get; } = new(request, null);

        /// <summary>All, then each corridor.</summary>
        public IEnumerable<Rows> Rows => corridors.Values.Prepend(All);

        /// <summary>Adds to all the period's referrals and, when <paramref name="corridor"/> is named, to that corridor's.</summary>
        public void Add(string? corridor, GenderCategory gender, int mask, CellCounts? counts, long overdue)
        {
            All.Add(gender, mask, counts, overdue);
            if (corridor is not null)
            {
                Of(corridor).Add(gender, mask, counts, overdue);
            }
        }

        public Breakdown Breakdown(string period, int minCellSize) => new(
            period,
            All.Total.Indicators(minCellSize),
            All.GenderIndicators(minCellSize),
            All.GroupIndicators(minCellSize),
            corridors.Select(c => new CorridorIndicators(c.Key, c.Value.Total.Indicators(minCellSize), c.Value.GenderIndicators(minCellSize), c.Value.GroupIndicators(minCellSize)))
                .ToArray());

        private Rows Of(string corridor)
        {
            if (!corridors.TryGetValue(corridor, out var rows))
            {
                corridors[corridor] = rows = new Rows(request, corridor);
            }

            return rows;
        }
    }

    /// <summary>
    /// The running sums of one period (or one corridor in it): total, per gender, per named group and
    /// for none of them, each with the release category it is (null: a row the request's own
    /// category filters leave empty, always zero: men in a report on women, say).
    /// </summary>
    private sealed class Rows
    {
        private readonly Dictionary<GenderCategory, Sum> genders;
        private readonly Dictionary<string, Sum> groups;

        private Sum[]? sums;

        public Rows(AdherenceRequest request, string? corridor)
        {
            Corridor = corridor;
            var gender = request.Gender;
            var filtered = request.Group is { } group ? ReviewGroups.MaskOf([group]) : 0;
            var any = filtered == 0 ? ReleaseCategory.AnyGroups : filtered;
            Total = new Sum(new ReleaseCategory(gender, any));
            genders = Enum.GetValues<GenderCategory>()
                .ToDictionary(g => g, g => new Sum(gender is not null && gender != g ? null : new ReleaseCategory(g, any)));
            groups = ReviewGroups.Named.ToDictionary(
                g => Kebab<Vulnerability>.Name(g), g => new Sum(new ReleaseCategory(gender, filtered | ReviewGroups.MaskOf([g]))), StringComparer.Ordinal);
            groups[ReviewGroups.None] = new Sum(filtered == 0 ? new ReleaseCategory(gender, 0) : null);
        }

        /// <summary>The corridor of these rows (in the range), or null for all the period's referrals.</summary>
        public string? Corridor { get; }

        public Sum Total { get; }

        public IEnumerable<Sum> Genders => genders.Values;

        public IEnumerable<Sum> Groups => groups.Values;

        /// <summary>The total, each gender and each group, in the same order in every period.</summary>
        public IReadOnlyList<Sum> Sums => sums ??= [Total, .. Genders, .. Groups];

        public void Add(GenderCategory gender, int mask, CellCounts? counts, long overdue)
        {
            Total.Add(counts, overdue);
            genders[gender].Add(counts, overdue);
            foreach (var group in ReviewGroups.Named.Where(g => ReviewGroups.Has(mask, g)))
            {
                groups[Kebab<Vulnerability>.Name(group)].Add(counts, overdue);
            }

            if (mask == 0)
            {
                groups[ReviewGroups.None].Add(counts, overdue);
            }
        }

        public IReadOnlyList<CategoryIndicators> GenderIndicators(int minCellSize) =>
            genders.Select(g => new CategoryIndicators(Kebab<GenderCategory>.Name(g.Key), g.Value.Indicators(minCellSize))).ToArray();

        public IReadOnlyList<CategoryIndicators> GroupIndicators(int minCellSize) =>
            groups.Select(g => new CategoryIndicators(g.Key, g.Value.Indicators(minCellSize))).ToArray();
    }

    /// <summary>The added-up counts of one row, and then its counts as published.</summary>
    private sealed class Sum(ReleaseCategory? category)
    {
        private readonly CellCounts counts = new();
        private Dictionary<string, ReportCount> published = [];
        private long overdue;

        /// <summary>The release category of the row; null when the request's filters leave it empty.</summary>
        public ReleaseCategory? Category => category;

        public IEnumerable<string> ReasonCodes => counts.NotSuccessfulReasons.Keys;

        public IReadOnlyDictionary<string, ReportCount> Published => published;

        public void Add(CellCounts? more, long overdueMore)
        {
            if (more is not null)
            {
                counts.Add(more);
            }

            overdue += overdueMore;
        }

        /// <summary>Every count of the report (a reason code absent from this row is a zero), small ones withheld.</summary>
        public void Publish(IEnumerable<string> reasonCodes, int minCellSize)
        {
            published = reasonCodes.ToDictionary(code => IndicatorColumns.ReasonPrefix + code, _ => new ReportCount(0, minCellSize), StringComparer.Ordinal);
            foreach (var (name, value) in IndicatorColumns.CountsOf(counts, overdue))
            {
                published[name] = new ReportCount(value, minCellSize);
            }
        }

        public IReadOnlyDictionary<string, object?> Indicators(int minCellSize) =>
            IndicatorColumns.Of(new IndicatorColumns.Figures(counts, published.ToDictionary(p => p.Key, p => p.Value.Shown, StringComparer.Ordinal), minCellSize));
    }
}
