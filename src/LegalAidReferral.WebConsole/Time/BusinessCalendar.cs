namespace LegalAidReferral.WebConsole.Time;

/// <summary>An office's clock and working days: its time zone, weekend days and holidays (from its protocol settings).</summary>
public sealed record BusinessCalendar(TimeZoneInfo TimeZone, IReadOnlySet<DayOfWeek> Weekend, IReadOnlySet<DateOnly> Holidays)
{
    public static BusinessCalendar Utc { get; } = new(TimeZoneInfo.Utc, new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday }, new HashSet<DateOnly>());

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, TimeZone);

    public bool IsBusinessDay(DateOnly day) => !Weekend.Contains(day.DayOfWeek) && !Holidays.Contains(day);

    /// <summary>Business days after <paramref name="from"/> up to and including <paramref name="to"/> (negative when <paramref name="to"/> is earlier).</summary>
    public int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        var sign = to >= from ? 1 : -1;
        var count = 0;
        for (var day = from; day != to;)
        {
            day = day.AddDays(sign);
            if (IsBusinessDay(day))
            {
                count += sign;
            }
        }

        return count;
    }
}
