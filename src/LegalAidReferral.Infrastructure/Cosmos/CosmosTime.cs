using System.Globalization;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>Times as stored: UTC, 7 fractional digits, so they sort as strings in the order of time.</summary>
internal static class CosmosTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Of(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static string OfTicks(long utcTicks) => Of(new DateTimeOffset(utcTicks, TimeSpan.Zero));

    public static DateTimeOffset Parse(string stored) =>
        new(DateTime.ParseExact(stored, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);

    public static DateTimeOffset? ParseOptional(string? stored) => stored is null ? null : Parse(stored);
}
