using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Core.Referrals.Protocol;

/// <summary>
/// The due times of the protocol deadlines of referrals to one office, from its settings and its
/// IANA time zone. A deadline of N business days ends at the end of the N-th business day after the
/// day the step was taken (weekend days and holidays skipped), in the office's local time: a
/// referral sent on Monday with 2 business days is due when Wednesday ends. A critical referral's
/// deadline is a number of hours after the step, around the clock. Due times are UTC instants, and
/// exclusive: a step at the due time is late.
/// </summary>
public sealed class DeadlineCalculator
{
    private readonly ProtocolSettings settings;
    private readonly TimeZoneInfo zone;
    private readonly HashSet<DateOnly> holidays;

    public DeadlineCalculator(ProtocolSettings settings, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(zone);
        this.settings = settings;
        this.zone = zone;
        holidays = settings.Holidays.Select(h => h.Date).ToHashSet();
    }

    /// <exception cref="TimeZoneNotFoundException">The office's time zone is not known to this system.</exception>
    public static DeadlineCalculator For(ProtocolSettings settings, string timeZoneId) => new(settings, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));

    /// <summary>The deadline of <paramref name="kind"/> for a referral of <paramref name="priority"/> whose starting step was taken at <paramref name="start"/>.</summary>
    public ReferralDeadline Start(DeadlineKind kind, Priority priority, DateTimeOffset start)
    {
        var deadlines = settings.Deadlines;
        return kind switch
        {
            DeadlineKind.Acknowledge => new(kind, start, Due(deadlines.Acknowledge, priority, start), null),
            DeadlineKind.Decide => new(kind, start, Due(deadlines.Decide, priority, start), null),
            DeadlineKind.FirstContact => new(kind, start, Due(deadlines.FirstContact, priority, start), null),
            DeadlineKind.OutcomeReport => new(
                kind, start, StartOfDay(LocalDate(start).AddDays(deadlines.OutcomeReport.Days + 1)), deadlines.OutcomeReport.RepeatEveryDays),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a deadline kind."),
        };
    }

    public bool IsBusinessDay(DateOnly date) => !settings.Weekend.Contains(date.DayOfWeek) && !holidays.Contains(date);

    /// <summary>The end of the <paramref name="days"/>-th business day after the local day of <paramref name="start"/>.</summary>
    public DateTimeOffset EndOfBusinessDays(DateTimeOffset start, int days)
    {
        var date = LocalDate(start);
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsBusinessDay(date))
            {
                counted++;
            }
        }

        return StartOfDay(date.AddDays(1));
    }

    /// <summary>
    /// The first instant of <paramref name="date"/> in the office's time zone. Where the clocks skip
    /// midnight (daylight saving starting at 00:00) the day starts when they land; where midnight
    /// comes twice, at the first.
    /// </summary>
    public DateTimeOffset StartOfDay(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(midnight))
        {
            // Local times in the gap, read with the offset before it, fall on the instant the clocks jump.
            offset = zone.GetUtcOffset(midnight.AddDays(-1));
        }
        else if (zone.IsAmbiguousTime(midnight))
        {
            offset = zone.GetAmbiguousTimeOffsets(midnight).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(midnight);
        }

        return new DateTimeOffset(midnight.Ticks - offset.Ticks, TimeSpan.Zero);
    }

    private DateTimeOffset Due(BusinessDaysDeadline deadline, Priority priority, DateTimeOffset start) =>
        priority == Priority.Critical ? start.ToUniversalTime().AddHours(deadline.CriticalHours) : EndOfBusinessDays(start, deadline.BusinessDays);

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
