using System.Text;

namespace LegalAidReferral.Core.Review;

/// <summary>
/// The report as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a
/// comma, a quote or a line break; UTF-8 without a byte order mark). A header row, then one row
/// per period (<c>all</c>, then each month) and breakdown: <c>total</c>/<c>all</c>, <c>gender</c>/each
/// gender, <c>group</c>/each named group and <c>none</c>; then per corridor <c>corridor</c>/<c>GT-MX</c>,
/// <c>corridor-gender</c>/<c>GT-MX:female</c>... and <c>corridor-group</c>/<c>GT-MX:detained</c>... The column names (<see cref="Header"/>) are stable:
/// new indicators are only ever appended. A suppressed value is an empty field.
/// </summary>
public static class AdherenceCsv
{
    public static IReadOnlyList<string> Header { get; } = ["period", "breakdown", "category", .. IndicatorColumns.All.Select(c => c.CsvName)];

    public static string Write(AdherenceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var breakdown in report.Monthly.Prepend(report.Summary))
        {
            Row(csv, breakdown.Period, "total", "all", breakdown.Total);
            foreach (var row in breakdown.ByGender)
            {
                Row(csv, breakdown.Period, "gender", row.Category, row.Indicators);
            }

            foreach (var row in breakdown.ByGroup)
            {
                Row(csv, breakdown.Period, "group", row.Category, row.Indicators);
            }

            foreach (var corridor in breakdown.ByCorridor)
            {
                Row(csv, breakdown.Period, "corridor", corridor.Corridor, corridor.Total);
                foreach (var row in corridor.ByGender)
                {
                    Row(csv, breakdown.Period, "corridor-gender", $"{corridor.Corridor}:{row.Category}", row.Indicators);
                }

                foreach (var row in corridor.ByGroup)
                {
                    Row(csv, breakdown.Period, "corridor-group", $"{corridor.Corridor}:{row.Category}", row.Indicators);
                }
            }
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, string period, string breakdown, string category, IReadOnlyDictionary<string, object?> indicators) =>
        Line(csv, [period, breakdown, category, .. IndicatorColumns.All.Select(c => IndicatorColumns.CsvValue(indicators[c.Name]))]);

    private static void Line(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
