using System.Globalization;

namespace LegalAidReferral.Core.Review;

/// <summary>
/// The review's periods: calendar months (<c>YYYY-MM</c>) in one time zone per read model
/// (<see cref="ReviewSettings.TimeZone"/>). An event belongs to the month in which it occurred there,
/// whenever it arrives, so a late event lands in its own month.
/// </summary>
public static class ReviewPeriods
{
    public static string MonthOf(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return Format(local.Year, local.Month);
    }

    /// <summary>Whether <paramref name="text"/> is a month written exactly <c>YYYY-MM</c> (years 2000 to 2999).</summary>
    public static bool IsMonth(string? text) =>
        text is { Length: 7 } && text[4] == '-'
        && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2999
        && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12;

    /// <summary>Every month from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IEnumerable<string> Between(string from, string to)
    {
        var (year, month) = Parse(from);
        for (var at = Format(year, month); string.CompareOrdinal(at, to) <= 0; at = Format(year, month))
        {
            yield return at;
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1);
        }
    }

    /// <summary>How many months <paramref name="from"/> to <paramref name="to"/> span, both included.</summary>
    public static int Count(string from, string to)
    {
        var (fromYear, fromMonth) = Parse(from);
        var (toYear, toMonth) = Parse(to);
        return ((toYear - fromYear) * 12) + toMonth - fromMonth + 1;
    }

    private static (int Year, int Month) Parse(string month) =>
        (int.Parse(month.AsSpan(0, 4), CultureInfo.InvariantCulture), int.Parse(month.AsSpan(5, 2), CultureInfo.InvariantCulture));

    private static string Format(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");
}
