namespace LegalAidReferral.Core.Review;

/// <summary>
/// How a read model groups and shows its figures: the time zone of its months, and the smallest
/// count it shows (smaller counts, and the shares and times built on them, are suppressed).
/// </summary>
public sealed record ReviewSettings(int MinCellSize, TimeZoneInfo TimeZone)
{
    public const int DefaultMinCellSize = 5;
    public const string DefaultTimeZone = "UTC";

    public static ReviewSettings Default { get; } = new(DefaultMinCellSize, TimeZoneInfo.Utc);
}
