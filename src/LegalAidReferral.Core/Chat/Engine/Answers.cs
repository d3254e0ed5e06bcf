using System.Globalization;
using System.Text.RegularExpressions;

namespace LegalAidReferral.Core.Chat.Engine;

/// <summary>How typed answers are read: dates (day first, as the region writes them), phone numbers and references.</summary>
public static partial class Answers
{
    private static readonly string[] DateFormats = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "d M yyyy", "yyyy-M-d"];

    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Show(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A phone number as digits with an optional leading +, or null.</summary>
    public static string? Phone(string text)
    {
        var compact = Separators().Replace(text.Trim(), string.Empty);
        return PhoneNumber().IsMatch(compact) ? compact : null;
    }

    /// <summary>A case reference (e.g. GT-2026-000123) in upper case, or null.</summary>
    public static string? Reference(string text)
    {
        var upper = Separators().Replace(text.Trim(), string.Empty).ToUpperInvariant();
        return CaseReference().IsMatch(upper) ? upper : null;
    }

    [GeneratedRegex(@"[\s().]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\+?[0-9-]{6,20}$")]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(@"^[A-Z]{2}-[0-9]{4}-[0-9]{6}$")]
    private static partial Regex CaseReference();
}
