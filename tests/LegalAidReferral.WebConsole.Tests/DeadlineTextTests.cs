using System.Globalization;
using LegalAidReferral.WebConsole.Localisation;
using LegalAidReferral.WebConsole.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace LegalAidReferral.WebConsole.Tests;

public sealed class DeadlineTextTests : IDisposable
{
    private static readonly TimeZoneInfo MexicoCity = TimeZoneInfo.FindSystemTimeZoneById("America/Mexico_City");
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();

    private IStringLocalizer<Texts> L => _services.GetRequiredService<IStringLocalizer<Texts>>();

    private static BusinessCalendar Calendar(params DateOnly[] holidays) =>
        new(MexicoCity, new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday }, holidays.ToHashSet());

    [Fact]
    public void A_deadline_two_business_days_ahead_is_said_with_its_local_day_and_time()
    {
        Use("en");
        // Wednesday 2 December 2026, 10:00 in Mexico City; due Friday 4 December, 17:00 there.
        var now = new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.Zero);
        var due = new DateTimeOffset(2026, 12, 4, 23, 0, 0, TimeSpan.Zero);
        Assert.Equal("due in 2 business days (Fri 4 Dec, 17:00)", DeadlineText.Format(L, Calendar(), now, due));
    }

    [Fact]
    public void Weekends_and_holidays_are_not_counted()
    {
        Use("en");
        // Friday 4 December to Tuesday 8 December with Monday 7 a holiday: one business day.
        var now = new DateTimeOffset(2026, 12, 4, 16, 0, 0, TimeSpan.Zero);
        var due = new DateTimeOffset(2026, 12, 8, 16, 0, 0, TimeSpan.Zero);
        Assert.Equal("due in 1 business day (Tue 8 Dec, 10:00)", DeadlineText.Format(L, Calendar(new DateOnly(2026, 12, 7)), now, due));
    }

    [Fact]
    public void A_passed_deadline_is_overdue_in_the_users_language()
    {
        Use("es");
        var due = new DateTimeOffset(2026, 12, 4, 23, 0, 0, TimeSpan.Zero);
        Assert.Equal("vencido desde vie 4 dic, 17:00", DeadlineText.Format(L, Calendar(), due.AddHours(1), due));
    }

    [Fact]
    public void A_deadline_later_the_same_local_day_is_due_today()
    {
        Use("en");
        var now = new DateTimeOffset(2026, 12, 3, 15, 0, 0, TimeSpan.Zero);
        Assert.Equal("due today (Thu 3 Dec, 17:00)", DeadlineText.Format(L, Calendar(), now, now.AddHours(8)));
    }

    private static void Use(string language)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _culture;
        _services.Dispose();
    }
}
