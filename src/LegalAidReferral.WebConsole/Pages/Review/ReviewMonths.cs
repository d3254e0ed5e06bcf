using System.Globalization;

namespace LegalAidReferral.WebConsole.Pages.Review;

/// <summary>The review's months (<c>YYYY-MM</c>) in the user's language.</summary>
public static class ReviewMonths
{
    public static string Short(string period) => Month(period) is { } month ? month.ToString("MMM yy", CultureInfo.CurrentCulture) : period;

    public static string Long(string period) => Month(period) is { } month ? month.ToString("MMMM yyyy", CultureInfo.CurrentCulture) : period;

    private static DateOnly? Month(string period) =>
        DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;
}
