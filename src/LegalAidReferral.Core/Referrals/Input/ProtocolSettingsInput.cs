namespace LegalAidReferral.Core.Referrals.Input;

/// <summary>
/// The body of <c>PUT /api/offices/{officeId}/protocol</c> and the content of a protocol settings
/// file. The office and the version come from the route and the store, never from the document.
/// </summary>
public sealed record ProtocolSettingsInput
{
    /// <summary>Day names in lower case, e.g. <c>["saturday", "sunday"]</c>.</summary>
    public List<string?>? Weekend { get; init; }

    public List<HolidayInput?>? Holidays { get; init; }

    public ProtocolDeadlinesInput? Deadlines { get; init; }

    public List<string?>? NotSuccessfulReasons { get; init; }
}

public sealed record HolidayInput
{
    /// <summary><c>yyyy-MM-dd</c>.</summary>
    public string? Date { get; init; }

    public string? Name { get; init; }
}

public sealed record ProtocolDeadlinesInput
{
    public BusinessDaysDeadlineInput? Acknowledge { get; init; }

    public BusinessDaysDeadlineInput? Decide { get; init; }

    public BusinessDaysDeadlineInput? FirstContact { get; init; }

    public RecurringDeadlineInput? OutcomeReport { get; init; }
}

public sealed record BusinessDaysDeadlineInput
{
    public int? BusinessDays { get; init; }

    public int? CriticalHours { get; init; }
}

public sealed record RecurringDeadlineInput
{
    public int? Days { get; init; }

    public int? RepeatEveryDays { get; init; }
}
