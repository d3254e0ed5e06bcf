using LegalAidReferral.Core.Review;

namespace LegalAidReferral.Core.Tests.Review;

/// <summary>A report's figures as the suppression tests read them: every count by <c>period,row,name</c>, and every share with its counts.</summary>
internal static class ReportFigures
{
    private static readonly Dictionary<string, (string Part, string Whole)> Shares = new()
    {
        ["acknowledgedWithinDeadlineShare"] = ("acknowledgedWithinDeadline", "acknowledged"),
        ["decidedWithinDeadlineShare"] = ("decidedWithinDeadline", "decided"),
        ["firstContactsWithinDeadlineShare"] = ("firstContactsWithinDeadline", "firstContacts"),
        ["outcomesWithinDeadlineShare"] = ("outcomesWithinDeadline", "outcomes"),
    };

    /// <summary>Every count of the report by <c>period,row,name</c> (a reason code a row lacks is a shown zero), and every share with its counts.</summary>
    public static Dictionary<string, long?> Counts(AdherenceReport report, out Dictionary<(string Part, string Whole), double?> shares)
    {
        var counts = new Dictionary<string, long?>(StringComparer.Ordinal);
        shares = [];
        var codes = report.Monthly.Prepend(report.Summary).SelectMany(Rows).SelectMany(r => ((IReadOnlyDictionary<string, long?>)r.Indicators["notSuccessfulReasons"]!).Keys)
            .Distinct().ToArray();
        foreach (var breakdown in report.Monthly.Prepend(report.Summary))
        {
            foreach (var (row, indicators) in Rows(breakdown))
            {
                var reasons = (IReadOnlyDictionary<string, long?>)indicators["notSuccessfulReasons"]!;
                foreach (var (name, value) in indicators.Where(i => i.Value is long || (i.Value is null && !i.Key.StartsWith("hours", StringComparison.Ordinal) && !Shares.ContainsKey(i.Key))))
                {
                    counts[$"{breakdown.Period},{row},{name}"] = (long?)value;
                }

                foreach (var code in codes)
                {
                    counts[$"{breakdown.Period},{row},notSuccessfulReasons/{code}"] = reasons.TryGetValue(code, out var count) ? count : 0;
                }

                foreach (var (share, (part, whole)) in Shares)
                {
                    shares[($"{breakdown.Period},{row},{part}", $"{breakdown.Period},{row},{whole}")] = (double?)indicators[share];
                }
            }
        }

        return counts;
    }

    /// <summary>A period's rows: <c>total</c>, each gender and group, then the same of each corridor as <c>GT-MX/total</c>, <c>GT-MX/female</c>...</summary>
    private static IEnumerable<(string Row, IReadOnlyDictionary<string, object?> Indicators)> Rows(Breakdown breakdown) =>
        Rows(string.Empty, breakdown.Total, breakdown.ByGender, breakdown.ByGroup)
            .Concat(breakdown.ByCorridor.SelectMany(c => Rows(c.Corridor + "/", c.Total, c.ByGender, c.ByGroup)));

    private static IEnumerable<(string Row, IReadOnlyDictionary<string, object?> Indicators)> Rows(
        string prefix, IReadOnlyDictionary<string, object?> total, IReadOnlyList<CategoryIndicators> byGender, IReadOnlyList<CategoryIndicators> byGroup) =>
        byGender.Concat(byGroup).Select(c => (prefix + c.Category, c.Indicators)).Prepend((prefix + "total", total));
}
