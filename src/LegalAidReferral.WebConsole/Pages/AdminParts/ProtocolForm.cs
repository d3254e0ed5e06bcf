using System.Globalization;
using LegalAidReferral.WebConsole.Api;

using IntakeForm = LegalAidReferral.WebConsole.Pages.IntakeForm;

namespace LegalAidReferral.WebConsole.Pages.AdminParts;

/// <summary>The protocol settings as the form edits them.</summary>
public sealed class ProtocolForm
{
    public HashSet<string> Weekend { get; } = [];
    public List<HolidayRow> Holidays { get; } = [];
    public int AcknowledgeDays { get; set; }
    public int AcknowledgeHours { get; set; }
    public int DecideDays { get; set; }
    public int DecideHours { get; set; }
    public int FirstContactDays { get; set; }
    public int FirstContactHours { get; set; }
    public int OutcomeDays { get; set; }
    public int OutcomeRepeatDays { get; set; }
    public string NotSuccessfulReasons { get; set; } = "";

    public sealed class HolidayRow
    {
        public DateOnly? Date { get; set; }
        public string Name { get; set; } = "";
    }

    public static ProtocolForm From(ProtocolSettings settings)
    {
        var form = new ProtocolForm
        {
            AcknowledgeDays = settings.Deadlines.Acknowledge.BusinessDays,
            AcknowledgeHours = settings.Deadlines.Acknowledge.CriticalHours,
            DecideDays = settings.Deadlines.Decide.BusinessDays,
            DecideHours = settings.Deadlines.Decide.CriticalHours,
            FirstContactDays = settings.Deadlines.FirstContact.BusinessDays,
            FirstContactHours = settings.Deadlines.FirstContact.CriticalHours,
            OutcomeDays = settings.Deadlines.OutcomeReport.Days,
            OutcomeRepeatDays = settings.Deadlines.OutcomeReport.RepeatEveryDays,
            NotSuccessfulReasons = string.Join(", ", settings.NotSuccessfulReasons),
        };
        form.Weekend.UnionWith(settings.Weekend);
        form.Holidays.AddRange(settings.Holidays.Select(h => new HolidayRow { Date = DateOnly.Parse(h.Date, CultureInfo.InvariantCulture), Name = h.Name }));
        return form;
    }

    public ProtocolSettingsRequest ToRequest() => new(
        ApiValues.Of("DayOfWeek").Where(Weekend.Contains).ToList(),
        Holidays.Select(h => new Holiday(IntakeForm.Iso(h.Date) ?? "", h.Name.Trim())).ToList(),
        new ProtocolDeadlines(
            new BusinessDaysDeadline(AcknowledgeDays, AcknowledgeHours),
            new BusinessDaysDeadline(DecideDays, DecideHours),
            new BusinessDaysDeadline(FirstContactDays, FirstContactHours),
            new RecurringDeadline(OutcomeDays, OutcomeRepeatDays)),
        NotSuccessfulReasons.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => r.ToLower(CultureInfo.InvariantCulture)).ToList());
}
