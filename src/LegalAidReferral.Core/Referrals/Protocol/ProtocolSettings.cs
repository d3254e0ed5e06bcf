namespace LegalAidReferral.Core.Referrals.Protocol;

/// <summary>
/// One version of an office's protocol settings: the deadlines of the referrals it receives, its
/// weekend days and holidays (business days are counted in the office's time zone, which the office
/// directory holds), and the reasons it may give for an unsuccessful outcome. Built only by
/// <see cref="ProtocolSettingsValidator"/>; a change is stored as the next version.
/// </summary>
public sealed record ProtocolSettings(
    string OfficeId,
    int Version,
    IReadOnlyList<DayOfWeek> Weekend,
    IReadOnlyList<Holiday> Holidays,
    ProtocolDeadlines Deadlines,
    IReadOnlyList<string> NotSuccessfulReasons,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy);

/// <summary>A day off in the office's calendar, with a label for the settings page.</summary>
public sealed record Holiday(DateOnly Date, string Name);

/// <summary>Per step: <see cref="Acknowledge"/> and <see cref="Decide"/> run from sending, <see cref="FirstContact"/> and <see cref="OutcomeReport"/> from accepting.</summary>
public sealed record ProtocolDeadlines(
    BusinessDaysDeadline Acknowledge,
    BusinessDaysDeadline Decide,
    BusinessDaysDeadline FirstContact,
    RecurringDeadline OutcomeReport);

/// <summary>Due at the end of the <see cref="BusinessDays"/>-th business day after the start; <see cref="CriticalHours"/> after it for a critical referral.</summary>
public sealed record BusinessDaysDeadline(int BusinessDays, int CriticalHours);

/// <summary>Due at the end of the <see cref="Days"/>-th calendar day after the start, then every <see cref="RepeatEveryDays"/> days until met.</summary>
public sealed record RecurringDeadline(int Days, int RepeatEveryDays);
