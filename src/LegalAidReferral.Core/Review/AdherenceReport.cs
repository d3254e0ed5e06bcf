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
    /// Adds up <paramref name="cells"/> (and counts <paramref name="overdue"/>, in the month each fell
    /// due) for the whole range, each month, each gender, each named group and (the range only) each corridor, then suppresses small
    /// cells and the counts that would give them away (<see cref="Suppress"/>). The overdue list is left out when the request filters by a category, since it would
    /// tell the category of each listed referral.
    /// </summary>
    public static AdherenceReport Build(
        IEnumerable<AdherenceCell> cells, IEnumerable<ReviewReferral> overdue, AdherenceRequest request, ReviewSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        var months = ReviewPeriods.Between(request.Query.FromPeriod, request.Query.ToPeriod).ToArray();
        var periods = new Dictionary<string, Period>(StringComparer.Ordinal) { [AllPeriods] = new Period() };
        foreach (var month in months)
        {
            periods[month] = new Period();
        }

        foreach (var cell in cells)
        {
            var key = cell.Key;
            if (!request.Matches(key.Gender, key.Groups) || !periods.TryGetValue(key.Period, out var month))
            {
                continue;
            }

            periods[AllPeriods].Add(key.Corridor, key.Gender, key.Groups, cell.Counts, 0);
            month.Add(null, key.Gender, key.Groups, cell.Counts, 0);
        }

        var listed = new List<OverdueReferral>();
        foreach (var referral in overdue.Where(r => request.Matches(r.Gender, r.Groups)).OrderBy(r => r.NextDueAt))
        {
            var next = referral.NextDeadline!;
            periods[AllPeriods].Add(referral.Corridor, referral.Gender, referral.Groups, null, 1);
            if (periods.TryGetValue(ReviewPeriods.MonthOf(next.DueAt, settings.TimeZone), out var dueMonth))
            {
                dueMonth.Add(null, referral.Gender, referral.Groups, null, 1);
            }

            if (!request.FiltersCategories && listed.Count < MaxOverdueListed)
            {
                listed.Add(new OverdueReferral(
                    referral.Pseudonym, referral.Kind, referral.Priority, referral.FromOfficeId, referral.ToOfficeId, referral.Corridor, next.Kind, next.DueAt));
            }
        }

        Suppress(periods, months, settings.MinCellSize);
        return new AdherenceReport(
            request.Query.FromPeriod,
            request.Query.ToPeriod,
            settings.TimeZone.Id,
            settings.MinCellSize,
            now,
            periods[AllPeriods].Breakdown(AllPeriods, settings.MinCellSize),
            months.Select(m => periods[m].Breakdown(m, settings.MinCellSize)).ToArray(),
            listed);
    }

    /// <summary>
    /// Withholds small counts, then (<see cref="ComplementarySuppression"/>) enough others that none can
    /// be worked out from the rest: every count's breakdowns by gender and by group (of a total
    /// row, the period's or a corridor's), by corridor (of each of the range's rows: a referral has
    /// one corridor), by month (of the range's row of the same category), and within each row. By group is not an exact sum (a referral may be in several groups), nor is
    /// <c>overdueNow</c> by month (the range also counts deadlines that fell due before its first
    /// month). A range figure is withheld whenever one of its months is (<see cref="WithholdRangesOfWithheldMonths"/>).
    /// </summary>
    private static void Suppress(Dictionary<string, Period> periods, string[] months, int minCellSize)
    {
        var sums = periods.Values.SelectMany(p => p.Rows).SelectMany(r => r.Sums).ToArray();
        var reasonCodes = sums.SelectMany(s => s.ReasonCodes).Distinct().Order(StringComparer.Ordinal).ToArray();
        foreach (var sum in sums)
        {
            sum.Publish(reasonCodes, minCellSize);
        }

        var names = IndicatorColumns.Counts.Select(c => c.Name).Concat(reasonCodes.Select(code => IndicatorColumns.ReasonPrefix + code)).ToArray();
        var withinRow = IndicatorColumns.Breakdowns(reasonCodes).ToArray();
        var exact = new List<IReadOnlyList<ReportCount>>();
        var inexact = new List<IReadOnlyList<ReportCount>>();
        foreach (var period in periods.Values)
        {
            foreach (var rows in period.Rows)
            {
                foreach (var name in names)
                {
                    exact.Add([rows.Total[name], .. rows.Genders.Select(s => s[name])]);
                    inexact.Add([rows.Total[name], .. rows.Groups.Select(s => s[name])]);
                }

                foreach (var sum in rows.Sums)
                {
                    exact.AddRange(withinRow.Select(b => (IReadOnlyList<ReportCount>)[sum[b.Whole], .. b.Parts.Select(p => sum[p])]));
                }
            }

            var byCorridor = period.ByCorridor.ToArray();
            for (var i = 0; byCorridor.Length > 0 && i < period.All.Sums.Count; i++)
            {
                exact.AddRange(names.Select(name => (IReadOnlyList<ReportCount>)[period.All.Sums[i][name], .. byCorridor.Select(c => c.Sums[i][name])]));
            }
        }

        var byMonth = new List<IReadOnlyList<ReportCount>>();
        var range = periods[AllPeriods].All.Sums;
        for (var i = 0; i < range.Count; i++)
        {
            foreach (var name in names)
            {
                IReadOnlyList<ReportCount> breakdown = [range[i][name], .. months.Select(m => periods[m].All.Sums[i][name])];
                (name == OverdueNow ? inexact : exact).Add(breakdown);
                byMonth.Add(breakdown);
            }
        }

        ComplementarySuppression.Apply([.. exact, .. inexact], exact, minCellSize, () => WithholdRangesOfWithheldMonths(byMonth));
    }

    /// <summary>
    /// Withholds every range figure one of whose months is withheld, so that another report of the
    /// same filters over a range that overlaps this one cannot be subtracted from it to give a
    /// withheld month: a range figure is shown only when every month it adds up is. Tells whether it
    /// withheld any (then the complements run again).
    /// </summary>
    private static bool WithholdRangesOfWithheldMonths(List<IReadOnlyList<ReportCount>> byMonth)
    {
        var withheld = false;
        foreach (var breakdown in byMonth.Where(b => !b[0].Withheld && b.Skip(1).Any(c => c.Withheld)))
        {
            breakdown[0].Withhold();
            withheld = true;
        }

        return withheld;
    }

    /// <summary>The rows of one period: all its referrals, and (the whole range only) those of each corridor, in ordinal order.</summary>
    private sealed class Period
    {
        private readonly SortedDictionary<string, Rows> corridors = new(StringComparer.Ordinal);

        public Rows All { get; } = new();

        public IEnumerable<Rows> ByCorridor => corridors.Values;

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
                corridors[corridor] = rows = new Rows();
            }

            return rows;
        }
    }

    /// <summary>The running sums of one period (or one corridor in it): total, per gender, per named group and for none of them.</summary>
    private sealed class Rows
    {
        private readonly Dictionary<GenderCategory, Sum> genders = Enum.GetValues<GenderCategory>().ToDictionary(g => g, _ => new Sum());
        private readonly Dictionary<string, Sum> groups =
            ReviewGroups.Named.Select(Kebab<Vulnerability>.Name).Append(ReviewGroups.None).ToDictionary(g => g, _ => new Sum(), StringComparer.Ordinal);

        private Sum[]? sums;

        public Sum Total { get; } = new();

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
    private sealed class Sum
    {
        private readonly CellCounts counts = new();
        private Dictionary<string, ReportCount> published = [];
        private long overdue;

        public IEnumerable<string> ReasonCodes => counts.NotSuccessfulReasons.Keys;

        public ReportCount this[string name] => published[name];

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
