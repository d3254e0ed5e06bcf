using System.Globalization;
using System.Text.RegularExpressions;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals.Input;

namespace LegalAidReferral.Core.Referrals.Protocol;

/// <summary>Turns a protocol settings document into <see cref="ProtocolSettings"/>, or reports every invalid field by its path.</summary>
public static partial class ProtocolSettingsValidator
{
    public const int MaxHolidays = 200;
    public const int MaxHolidayName = 100;
    public const int MaxBusinessDays = 60;
    public const int MaxCriticalHours = 240;
    public const int MaxDays = 365;
    public const int MaxReasons = 20;

    public static Result<ProtocolSettings> Validate(ProtocolSettingsInput? input, string officeId, int version, DateTimeOffset? updatedAt, string? updatedBy)
    {
        var errors = new ValidationErrors();
        if (input is null)
        {
            errors.Add("$", "A JSON object with the protocol settings is required.");
            return errors.ToFailure();
        }

        var weekend = ValidateWeekend(input.Weekend, errors);
        var holidays = ValidateHolidays(input.Holidays, errors);
        var deadlines = ValidateDeadlines(input.Deadlines, errors);
        var reasons = ValidateReasons(input.NotSuccessfulReasons, errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        return new ProtocolSettings(officeId, version, weekend, holidays, deadlines!, reasons, updatedAt, updatedBy);
    }

    private static IReadOnlyList<DayOfWeek> ValidateWeekend(List<string?>? input, ValidationErrors errors)
    {
        if (input is null)
        {
            errors.Add("weekend", "The weekend days are required, e.g. [\"saturday\", \"sunday\"] ([] for none).");
            return [];
        }

        var days = FieldRules.Enums<DayOfWeek>(input, "weekend", 7, errors);
        if (days.Count == 7)
        {
            errors.Add("weekend", "At least one day of the week must be a business day.");
        }

        return days.Order().ToArray();
    }

    private static IReadOnlyList<Holiday> ValidateHolidays(List<HolidayInput?>? input, ValidationErrors errors)
    {
        var result = new List<Holiday>();
        if (!FieldRules.WithinLimit(input, "holidays", MaxHolidays, errors))
        {
            if (input is null)
            {
                errors.Add("holidays", "The holidays are required ([] for none).");
            }

            return result;
        }

        for (var i = 0; i < input!.Count; i++)
        {
            var field = $"holidays[{i}]";
            if (input[i] is not { } holiday)
            {
                errors.Add(field, "A holiday cannot be null.");
                continue;
            }

            var date = Date(holiday.Date, $"{field}.date", errors);
            var name = FieldRules.Text(holiday.Name, $"{field}.name", MaxHolidayName, errors, required: true);
            if (date is { } d && result.Any(h => h.Date == d))
            {
                errors.Add($"{field}.date", "Another holiday already has this date.");
            }
            else if (date is { } valid && name is not null)
            {
                result.Add(new Holiday(valid, name));
            }
        }

        return result.OrderBy(h => h.Date).ToArray();
    }

    private static ProtocolDeadlines? ValidateDeadlines(ProtocolDeadlinesInput? input, ValidationErrors errors)
    {
        if (input is null)
        {
            errors.Add("deadlines", "The deadlines are required: acknowledge, decide, firstContact and outcomeReport.");
            return null;
        }

        var acknowledge = BusinessDays(input.Acknowledge, "deadlines.acknowledge", errors);
        var decide = BusinessDays(input.Decide, "deadlines.decide", errors);
        var firstContact = BusinessDays(input.FirstContact, "deadlines.firstContact", errors);
        var outcome = Recurring(input.OutcomeReport, "deadlines.outcomeReport", errors);
        if (acknowledge is not null && decide is not null)
        {
            if (decide.BusinessDays < acknowledge.BusinessDays)
            {
                errors.Add("deadlines.decide.businessDays", "The decision cannot be due before the acknowledgement.");
            }

            if (decide.CriticalHours < acknowledge.CriticalHours)
            {
                errors.Add("deadlines.decide.criticalHours", "The decision cannot be due before the acknowledgement.");
            }
        }

        return acknowledge is null || decide is null || firstContact is null || outcome is null
            ? null
            : new ProtocolDeadlines(acknowledge, decide, firstContact, outcome);
    }

    private static BusinessDaysDeadline? BusinessDays(BusinessDaysDeadlineInput? input, string field, ValidationErrors errors)
    {
        if (input is null)
        {
            errors.Add(field, "Required: { \"businessDays\": ..., \"criticalHours\": ... }.");
            return null;
        }

        var days = Whole(input.BusinessDays, $"{field}.businessDays", MaxBusinessDays, errors);
        var hours = Whole(input.CriticalHours, $"{field}.criticalHours", MaxCriticalHours, errors);
        return days is { } d && hours is { } h ? new BusinessDaysDeadline(d, h) : null;
    }

    private static RecurringDeadline? Recurring(RecurringDeadlineInput? input, string field, ValidationErrors errors)
    {
        if (input is null)
        {
            errors.Add(field, "Required: { \"days\": ..., \"repeatEveryDays\": ... }.");
            return null;
        }

        var days = Whole(input.Days, $"{field}.days", MaxDays, errors);
        var repeat = Whole(input.RepeatEveryDays, $"{field}.repeatEveryDays", MaxDays, errors);
        return days is { } d && repeat is { } r ? new RecurringDeadline(d, r) : null;
    }

    private static int? Whole(int? value, string field, int max, ValidationErrors errors)
    {
        if (value is null or < 1 || value > max)
        {
            errors.Add(field, $"A whole number from 1 to {max} is required.");
            return null;
        }

        return value;
    }

    private static IReadOnlyList<string> ValidateReasons(List<string?>? input, ValidationErrors errors)
    {
        var result = new List<string>();
        if (input is null or { Count: 0 })
        {
            errors.Add("notSuccessfulReasons", "List at least one reason code, e.g. \"other\".");
            return result;
        }

        if (!FieldRules.WithinLimit(input, "notSuccessfulReasons", MaxReasons, errors))
        {
            return result;
        }

        for (var i = 0; i < input.Count; i++)
        {
            var field = $"notSuccessfulReasons[{i}]";
            var errorsBefore = errors.Count;
            var code = FieldRules.Text(input[i], field, int.MaxValue, errors, required: true);
            if (errors.Count > errorsBefore)
            {
                continue;
            }

            if (!ReasonCode().IsMatch(code!))
            {
                errors.Add(field, "A code of 1 to 40 lowercase letters, digits and hyphens is required, e.g. 'lack-of-capacity'.");
            }
            else if (result.Contains(code!))
            {
                errors.Add(field, "This reason is listed twice.");
            }
            else
            {
                result.Add(code!);
            }
        }

        return result;
    }

    private static DateOnly? Date(string? value, string field, ValidationErrors errors)
    {
        if (value is not null && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, "A date in the form yyyy-MM-dd is required.");
        return null;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")]
    private static partial Regex ReasonCode();
}
