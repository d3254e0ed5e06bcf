using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Events;
using LegalAidReferral.Core.Review;

namespace LegalAidReferral.Core.Tests.Review;

/// <summary>
/// Privacy across filters (review.md, "Across filters"): on generated streams, the reports of a random
/// filter combination, of each combination enclosing it (one of its filters dropped) and of all its
/// siblings (that filter set to every other value), over one random range, with random gender and
/// group filters. Every figure of every report is a sum of the read model's cells, so a shown figure
/// is a linear equation over one unknown per cell and base count (the counts no other count is the
/// sum of); a withheld figure must not lie in the span of all the shown ones (the tests' own exact
/// elimination, <see cref="RowSpace"/>), and, directly, no withheld figure may be the enclosing
/// report's less its siblings'.
/// </summary>
public class FilterLatticePropertyTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] DeclineCodes =
        ["declinedNoCapacity", "declinedOutsideMandate", "declinedConflictOfInterest", "declinedClientUnreachable", "declinedOther", "declinedUnspecified"];

    /// <summary>Fixed seeds, so a run is repeatable and its time known (a few seconds each on a loaded machine).</summary>
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 8)];

    private enum Filter
    {
        Country,
        Office,
        Corridor,
        Kind,
        Priority,
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void No_withheld_figure_of_any_report_is_determined_by_what_all_the_reports_show(int seed)
    {
        var lattice = Lattice.Of(seed);
        var space = new RowSpace();
        var unknowns = new Dictionary<string, int>(StringComparer.Ordinal);
        var added = new HashSet<string>(StringComparer.Ordinal);
        var withheld = new List<(AdherenceRequest Request, string Figure, (int, int)[] Vector)>();
        foreach (var (request, figures) in lattice.Reports)
        {
            var vectors = lattice.Vectors(request, unknowns);
            foreach (var (figure, shown) in figures)
            {
                var vector = vectors.TryGetValue(figure, out var cells) ? cells.Order().Select(u => (u, 1)).ToArray() : [];
                if (vector.Length == 0)
                {
                    continue;
                }

                if (shown is null)
                {
                    withheld.Add((request, figure, vector));
                }
                else if (added.Add(string.Join(',', vector.Select(v => v.u))))
                {
                    space.Add(vector);
                }
            }
        }

        var given = withheld.FirstOrDefault(w => space.Spans(w.Vector));
        Assert.True(
            given.Figure is null,
            given.Figure is null ? null : $"{given.Figure} = {lattice.Real(given.Request)[given.Figure]} of {Describe(given.Request)} is a combination of shown figures");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void No_withheld_figure_is_the_enclosing_report_less_its_siblings(int seed)
    {
        var lattice = Lattice.Of(seed);
        var reports = lattice.Reports.ToDictionary(r => r.Request, r => r.Figures);

        foreach (var filter in lattice.Filters.Where(f => f != Filter.Country))
        {
            // Each referral goes from one office to another, so the offices' reports add up to twice the enclosing one.
            var times = filter == Filter.Office ? 2 : 1;
            var enclosing = reports[Set(lattice.Base, filter, null)];
            var family = lattice.Values(filter).Select(v => reports[Set(lattice.Base, filter, v)]).ToArray();
            foreach (var member in family)
            {
                foreach (var figure in member.Where(f => f.Value is null).Select(f => f.Key))
                {
                    var shown = enclosing.GetValueOrDefault(figure, 0) is not null
                        && family.Where(s => s != member).All(s => s.GetValueOrDefault(figure, 0) is not null);
                    Assert.False(
                        shown,
                        $"{figure} of {Describe(Set(lattice.Base, filter, lattice.Values(filter)[Array.IndexOf(family, member)]))} is {times} x the report without its {filter} less its siblings'");
                }
            }
        }
    }

    private static AdherenceRequest Set(AdherenceRequest request, Filter filter, string? value)
    {
        var query = request.Query;
        return request with
        {
            Query = filter switch
            {
                Filter.Country => query with { Country = value },
                Filter.Office => query with { OfficeId = value },
                Filter.Corridor => query with { FromCountry = value?[..2], ToCountry = value?[3..] },
                Filter.Kind => query with { Kind = value is null ? null : Parse<ReferralKind>(value) },
                _ => query with { Priority = value is null ? null : Parse<Priority>(value) },
            },
        };
    }

    private static T Parse<T>(string name)
        where T : struct, Enum => Enum.GetValues<T>().Single(v => Kebab<T>.Name(v) == name);

    private static string Describe(AdherenceRequest r) =>
        $"{r.Query.FromPeriod}..{r.Query.ToPeriod} country={r.Query.Country} office={r.Query.OfficeId} corridor={r.Query.FromCountry}-{r.Query.ToCountry} "
        + $"kind={r.Query.Kind} priority={r.Query.Priority} gender={r.Gender} group={r.Group}";

    /// <summary>The counts a count is the sum of (those of no other count are their own base).</summary>
    private static IEnumerable<string> Bases(string name, IReadOnlyList<string> reasonCodes) => name switch
    {
        "sent" => ["sentWithConsent", "sentWithOverride"],
        "decided" => ["accepted", .. DeclineCodes],
        "declined" => DeclineCodes,
        "outcomes" => ["outcomesSuccessful", .. reasonCodes],
        _ => [name],
    };

    /// <summary>One generated stream, the base request and every report around it (built with the stream's threshold).</summary>
    private sealed class Lattice
    {
        private readonly InMemoryReviewStore store = new();
        private readonly ReviewReleases releases = new();
        private readonly Dictionary<Filter, string[]> values = [];
        private IReadOnlyList<AdherenceCell> cells = [];
        private IReadOnlyList<ReviewReferral> overdue = [];
        private string[] reasonCodes = [];
        private string[] names = [];
        private int minCellSize;
        private DateTimeOffset now;

        public AdherenceRequest Base { get; private set; } = null!;

        public IReadOnlyList<Filter> Filters { get; private set; } = [];

        public List<(AdherenceRequest Request, Dictionary<string, long?> Figures)> Reports { get; } = [];

        public static Lattice Of(int seed)
        {
            var random = new Random(seed);
            var lattice = new Lattice { minCellSize = random.Next(3, 8) };
            var span = TimeSpan.FromDays(random.Next(20, 50));
            lattice.now = Start + span + TimeSpan.FromDays(random.Next(0, 15));
            var events = new SyntheticProtocolEvents(seed).Generate(random.Next(40, 100), Start, span, lattice.now);
            foreach (var e in events)
            {
                lattice.store.RecordAsync(ReviewEntry.Of(e, TimeZoneInfo.Utc), default).GetAwaiter().GetResult();
            }

            var months = ReviewPeriods.Between("2026-01", ReviewPeriods.MonthOf(lattice.now, TimeZoneInfo.Utc)).ToArray();
            var all = new ReviewQuery(months[0], months[^1]);
            lattice.cells = lattice.store.CellsAsync(all, default).Result;
            lattice.overdue = lattice.store.OverdueAsync(all, lattice.now, default).Result;
            lattice.reasonCodes = [.. lattice.cells.SelectMany(c => c.Counts.NotSuccessfulReasons.Keys).Distinct().Order(StringComparer.Ordinal)
                .Select(code => IndicatorColumns.ReasonPrefix + code)];
            lattice.names = [.. IndicatorColumns.Counts.Select(c => c.Name).Where(n => n != "overdueNow"), .. lattice.reasonCodes];
            lattice.values[Filter.Country] = [.. events.SelectMany(e => new[] { e.FromCountry, e.ToCountry }).Distinct().Order(StringComparer.Ordinal)];
            lattice.values[Filter.Office] = [.. events.SelectMany(e => new[] { e.FromOfficeId, e.ToOfficeId }).Distinct().Order(StringComparer.Ordinal)];
            lattice.values[Filter.Corridor] = [.. events.Select(e => e.Corridor).Distinct().Order(StringComparer.Ordinal)];
            lattice.values[Filter.Kind] = [.. events.Select(e => Kebab<ReferralKind>.Name(e.Kind)).Distinct().Order(StringComparer.Ordinal)];
            lattice.values[Filter.Priority] = [.. events.Select(e => Kebab<Priority>.Name(e.Priority)).Distinct().Order(StringComparer.Ordinal)];

            var first = random.Next(months.Length);
            var one = events[random.Next(events.Count)];
            string?[] chosen =
            [
                random.Next(2) == 0 ? null : random.Next(2) == 0 ? one.FromCountry : one.ToCountry,
                random.Next(2) == 0 ? null : random.Next(2) == 0 ? one.FromOfficeId : one.ToOfficeId,
                random.Next(2) == 0 ? null : one.Corridor,
                random.Next(2) == 0 ? null : Kebab<ReferralKind>.Name(one.Kind),
                random.Next(2) == 0 ? null : Kebab<Priority>.Name(one.Priority),
            ];
            lattice.Filters = [.. Enum.GetValues<Filter>().Where(f => chosen[(int)f] is not null)];
            var request = new AdherenceRequest(
                new ReviewQuery(months[first], months[random.Next(first, months.Length)]),
                random.Next(4) == 0 ? one.Gender : null,
                random.Next(4) == 0 ? ReviewGroups.Named[random.Next(ReviewGroups.Named.Count)] : null);
            lattice.Base = Enum.GetValues<Filter>().Aggregate(request, (r, f) => Set(r, f, chosen[(int)f]));

            var requests = new HashSet<AdherenceRequest> { lattice.Base };
            foreach (var filter in lattice.Filters)
            {
                requests.Add(Set(lattice.Base, filter, null));
                requests.UnionWith(lattice.values[filter].Select(v => Set(lattice.Base, filter, v)));
            }

            lattice.Reports.AddRange(requests.Select(r => (r, ReportFigures.Counts(lattice.Report(r, lattice.minCellSize), out _))));
            return lattice;
        }

        public string[] Values(Filter filter) => values[filter];

        /// <summary>The request's figures unsuppressed.</summary>
        public Dictionary<string, long?> Real(AdherenceRequest request) => ReportFigures.Counts(Report(request, 1), out _);

        /// <summary>
        /// Each figure of the request's report (<c>period,row,name</c>) as the unknowns it adds up: one
        /// per cell and base count, and for <c>overdueNow</c> one per month of falling due and cell.
        /// </summary>
        public Dictionary<string, HashSet<int>> Vectors(AdherenceRequest request, Dictionary<string, int> unknowns)
        {
            var query = request.Query;
            var vectors = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
            void Add(IEnumerable<string> periods, string corridor, GenderCategory gender, int groups, string name, string unknown)
            {
                if (!unknowns.TryGetValue(unknown, out var index))
                {
                    unknowns[unknown] = index = unknowns.Count;
                }

                string[] rows =
                [
                    "total", Kebab<GenderCategory>.Name(gender),
                    .. groups == 0 ? [ReviewGroups.None] : ReviewGroups.Named.Where(g => ReviewGroups.Has(groups, g)).Select(Kebab<Vulnerability>.Name),
                ];
                foreach (var period in periods)
                {
                    foreach (var row in period == AdherenceReport.AllPeriods ? rows.Concat(rows.Select(r => $"{corridor}/{r}")) : rows)
                    {
                        var key = $"{period},{row},{name}";
                        if (!vectors.TryGetValue(key, out var vector))
                        {
                            vectors[key] = vector = [];
                        }

                        vector.Add(index);
                    }
                }
            }

            foreach (var (key, _) in cells.Where(c => string.CompareOrdinal(c.Key.Period, query.FromPeriod) >= 0 && string.CompareOrdinal(c.Key.Period, query.ToPeriod) <= 0))
            {
                if (query.Matches(key.FromOfficeId, key.ToOfficeId, key.FromCountry, key.ToCountry, key.Kind, key.Priority) && request.Matches(key.Gender, key.Groups))
                {
                    foreach (var name in names)
                    {
                        foreach (var count in Bases(name, reasonCodes))
                        {
                            Add([AdherenceReport.AllPeriods, key.Period], key.Corridor, key.Gender, key.Groups, name, $"{key.Id}|{count}");
                        }
                    }
                }
            }

            foreach (var r in overdue.Where(r => query.Matches(r.FromOfficeId, r.ToOfficeId, r.FromCountry, r.ToCountry, r.Kind, r.Priority) && request.Matches(r.Gender, r.Groups)))
            {
                var due = ReviewPeriods.MonthOf(r.NextDueAt!.Value, TimeZoneInfo.Utc);
                Add([AdherenceReport.AllPeriods, due], r.Corridor, r.Gender, r.Groups, "overdueNow", $"overdue|{due}|{r.FromOfficeId}|{r.ToOfficeId}|{r.Kind}|{r.Priority}|{r.Gender}|{r.Groups}");
            }

            return vectors;
        }

        private AdherenceReport Report(AdherenceRequest request, int threshold)
        {
            var settings = ReviewSettings.Default with { MinCellSize = threshold };
            var months = new ReviewQuery(request.Query.FromPeriod, request.Query.ToPeriod);
            return AdherenceReport.Build(store.CellsAsync(months, default).Result, store.OverdueAsync(months, now, default).Result, request, settings, now, releases);
        }
    }
}
