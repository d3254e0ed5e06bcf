using System.Globalization;
using LegalAidReferral.WebConsole.Localisation;
using Microsoft.Extensions.Localization;

namespace LegalAidReferral.WebConsole.Time;

/// <summary>Deadlines as people say them: "due in 2 business days (Thu 4 Dec, 17:00)", in the office's time zone.</summary>
public static class DeadlineText
{
    public static string Format(IStringLocalizer<Texts> l, BusinessCalendar calendar, DateTimeOffset now, DateTimeOffset due)
    {
        var localDue = calendar.Local(due);
        var when = When(localDue);
        if (due <= now)
        {
            return string.Format(CultureInfo.CurrentCulture, l["DeadlineOverdue"], when);
        }

        var days = calendar.BusinessDaysBetween(DateOnly.FromDateTime(calendar.Local(now).DateTime), DateOnly.FromDateTime(localDue.DateTime));
        return days switch
        {
            0 => string.Format(CultureInfo.CurrentCulture, l["DeadlineToday"], when),
            1 => string.Format(CultureInfo.CurrentCulture, l["DeadlineOneDay"], when),
            _ => string.Format(CultureInfo.CurrentCulture, l["DeadlineDays"], days, when),
        };
    }

    /// <summary>"Thu 4 Dec, 17:00" in the current language.</summary>
    public static string When(DateTimeOffset local) =>
        local.ToString("ddd d MMM, HH:mm", CultureInfo.CurrentCulture);
}
