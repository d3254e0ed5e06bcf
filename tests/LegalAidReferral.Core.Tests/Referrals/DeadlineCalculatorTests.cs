using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Protocol;
using static LegalAidReferral.Core.Tests.Referrals.ReferralLifecycleTests;

namespace LegalAidReferral.Core.Tests.Referrals;

/// <summary>Due instants, pinned: business days in the receiving office's time zone, weekends, holidays, date line, daylight saving, critical hours.</summary>
public class DeadlineCalculatorTests
{
    private static readonly ProtocolSettings Defaults = ProtocolDefaults.For("gt-idpp-guatemala");

    private static DateTimeOffset Due(string zone, DeadlineKind kind, string start, Priority priority = Priority.Normal, ProtocolSettings? settings = null) =>
        DeadlineCalculator.For(settings ?? Defaults, zone).Start(kind, priority, Utc(start)).DueAt;

    [Theory]
    [InlineData("2026-12-01T15:00", "2026-12-04T06:00")] // Tuesday 09:00 -> end of Thursday
    [InlineData("2026-12-04T16:00", "2026-12-09T06:00")] // Friday -> Monday, Tuesday
    [InlineData("2026-12-05T16:00", "2026-12-09T06:00")] // Saturday -> Monday, Tuesday
    [InlineData("2026-12-07T05:59", "2026-12-09T06:00")] // Sunday 23:59 local -> Monday, Tuesday
    [InlineData("2026-12-07T06:00", "2026-12-10T06:00")] // Monday 00:00 local -> Tuesday, Wednesday
    public void Business_days_skip_the_weekend_in_Guatemala(string sent, string due)
    {
        Assert.Equal(Utc(due), Due("America/Guatemala", DeadlineKind.Acknowledge, sent));
    }

    [Fact]
    public void Holidays_are_skipped_like_weekend_days()
    {
        var christmas = Defaults with
        {
            Holidays = [new Holiday(new DateOnly(2026, 12, 24), "Nochebuena"), new Holiday(new DateOnly(2026, 12, 25), "Navidad"), new Holiday(new DateOnly(2027, 1, 1), "Año Nuevo")],
        };

        // Sent Wednesday 23 December at 10:00: Thursday 24, Friday 25 and Friday 1 January are holidays;
        // the 2 days are Monday 28 and Tuesday 29, the 5 end on Monday 4 January.
        Assert.Equal(Utc("2026-12-30T06:00"), Due("America/Guatemala", DeadlineKind.Acknowledge, "2026-12-23T16:00", settings: christmas));
        Assert.Equal(Utc("2027-01-05T06:00"), Due("America/Guatemala", DeadlineKind.Decide, "2026-12-23T16:00", settings: christmas));
        Assert.Equal(Utc("2026-12-26T06:00"), Due("America/Guatemala", DeadlineKind.Acknowledge, "2026-12-23T16:00"));
    }

    [Fact]
    public void Weekend_days_are_the_office_s_own()
    {
        var fridayAndSaturday = Defaults with { Weekend = [DayOfWeek.Friday, DayOfWeek.Saturday] };

        // Sent Thursday 3 December: Sunday and Monday count.
        Assert.Equal(Utc("2026-12-08T06:00"), Due("America/Guatemala", DeadlineKind.Acknowledge, "2026-12-03T16:00", settings: fridayAndSaturday));
    }

    [Fact]
    public void One_instant_gives_different_due_times_on_either_side_of_the_date_line()
    {
        // Friday 4 December 12:00 UTC is Saturday 02:00 in Kiritimati (UTC+14) and Friday 01:00 in Pago Pago (UTC-11).
        Assert.Equal(Utc("2026-12-08T10:00"), Due("Pacific/Kiritimati", DeadlineKind.Acknowledge, "2026-12-04T12:00"));
        Assert.Equal(Utc("2026-12-09T11:00"), Due("Pacific/Pago_Pago", DeadlineKind.Acknowledge, "2026-12-04T12:00"));

        // Thursday 3 December 09:00 UTC is Thursday 23:00 in Kiritimati and Wednesday 22:00 in Pago Pago.
        Assert.Equal(Utc("2026-12-07T10:00"), Due("Pacific/Kiritimati", DeadlineKind.Acknowledge, "2026-12-03T09:00"));
        Assert.Equal(Utc("2026-12-05T11:00"), Due("Pacific/Pago_Pago", DeadlineKind.Acknowledge, "2026-12-03T09:00"));
    }

    [Fact]
    public void Mexico_City_deadlines_follow_its_time_zone_including_its_last_daylight_saving_change()
    {
        Assert.Equal(Utc("2026-12-04T06:00"), Due("America/Mexico_City", DeadlineKind.Acknowledge, "2026-12-01T15:00"));

        // Sent Thursday 27 October 2022 10:00 CDT (UTC-5); due when Monday 31 October ends, in CST (UTC-6).
        Assert.Equal(Utc("2022-11-01T06:00"), Due("America/Mexico_City", DeadlineKind.Acknowledge, "2022-10-27T15:00"));
    }

    [Fact]
    public void Santiago_days_are_25_and_23_hours_long_when_daylight_saving_ends_and_starts()
    {
        // Sent Thursday 2 April 2026 10:00 (UTC-3); daylight saving ends in the night to Sunday 5 April; due at Tuesday 00:00 UTC-4.
        Assert.Equal(Utc("2026-04-07T04:00"), Due("America/Santiago", DeadlineKind.Acknowledge, "2026-04-02T13:00"));

        var santiago = DeadlineCalculator.For(Defaults, "America/Santiago");
        Assert.Equal(Utc("2026-04-04T03:00"), santiago.StartOfDay(new DateOnly(2026, 4, 4)));
        Assert.Equal(Utc("2026-04-05T04:00"), santiago.StartOfDay(new DateOnly(2026, 4, 5)));

        // Daylight saving starts at midnight of Sunday 6 September 2026: the day starts at 01:00 (UTC-3).
        Assert.Equal(Utc("2026-09-06T04:00"), santiago.StartOfDay(new DateOnly(2026, 9, 6)));
        Assert.Equal(Utc("2026-09-07T03:00"), santiago.StartOfDay(new DateOnly(2026, 9, 7)));
    }

    [Fact]
    public void Sao_Paulo_history_skips_the_midnight_daylight_saving_started_at()
    {
        // 4 November 2018: clocks jumped from 00:00 to 01:00 (UTC-3 to UTC-2).
        var saoPaulo = DeadlineCalculator.For(Defaults, "America/Sao_Paulo");
        Assert.Equal(Utc("2018-11-04T03:00"), saoPaulo.StartOfDay(new DateOnly(2018, 11, 4)));

        // Accepted Thursday 4 October 2018: the outcome report is due when 3 November ends, that is when 4 November starts.
        Assert.Equal(Utc("2018-11-04T03:00"), Due("America/Sao_Paulo", DeadlineKind.OutcomeReport, "2018-10-04T13:00"));

        // Sent Thursday 1 November 2018 10:00 (UTC-3): Friday and Monday count; due Tuesday 00:00 UTC-2.
        Assert.Equal(Utc("2018-11-06T02:00"), Due("America/Sao_Paulo", DeadlineKind.Acknowledge, "2018-11-01T13:00"));
    }

    [Fact]
    public void Where_midnight_comes_twice_the_day_starts_at_the_first()
    {
        // Havana falls back from 01:00 to 00:00 on Sunday 1 November 2026.
        Assert.Equal(Utc("2026-11-01T04:00"), DeadlineCalculator.For(Defaults, "America/Havana").StartOfDay(new DateOnly(2026, 11, 1)));
    }

    [Theory]
    [InlineData(DeadlineKind.Acknowledge, "2026-12-06T03:30")]
    [InlineData(DeadlineKind.Decide, "2026-12-07T03:30")]
    [InlineData(DeadlineKind.FirstContact, "2026-12-06T03:30")]
    [InlineData(DeadlineKind.OutcomeReport, "2027-01-04T06:00")]
    public void A_critical_referral_counts_hours_even_over_a_weekend_but_the_outcome_report_keeps_its_days(DeadlineKind kind, string due)
    {
        // Saturday 5 December 03:30 UTC (Friday 21:30 in Guatemala); the report is due when 3 January ends there.
        Assert.Equal(Utc(due), Due("America/Guatemala", kind, "2026-12-05T03:30", Priority.Critical));
    }

    [Fact]
    public void The_outcome_report_recurs_every_30_days_after_the_first()
    {
        var deadline = DeadlineCalculator.For(Defaults, "America/Mexico_City").Start(DeadlineKind.OutcomeReport, Priority.Normal, Utc("2026-12-02T15:00"));

        Assert.Equal(
            [Utc("2027-01-02T06:00"), Utc("2027-02-01T06:00"), Utc("2027-03-03T06:00")],
            new[] { 1, 2, 3 }.Select(deadline.DueAtOccurrence));
        Assert.Equal((30, Utc("2026-12-02T15:00")), (deadline.RepeatEveryDays, deadline.StartedAt));
    }

    [Fact]
    public void Settings_read_at_the_start_decide_the_due_time()
    {
        var calendar = DeadlineCalculator.For(Defaults, "America/Guatemala");
        var before = calendar.Start(DeadlineKind.Decide, Priority.Normal, Utc("2026-12-01T15:00"));
        var looser = Defaults with { Deadlines = Defaults.Deadlines with { Decide = new BusinessDaysDeadline(10, 96) } };

        _ = DeadlineCalculator.For(looser, "America/Guatemala").Start(DeadlineKind.Decide, Priority.Normal, Utc("2026-12-01T15:00"));

        Assert.Equal(Utc("2026-12-09T06:00"), before.DueAt);
        Assert.Equal(Utc("2026-12-16T06:00"), DeadlineCalculator.For(looser, "America/Guatemala").Start(DeadlineKind.Decide, Priority.Normal, Utc("2026-12-01T15:00")).DueAt);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused()
    {
        Assert.Throws<TimeZoneNotFoundException>(() => DeadlineCalculator.For(Defaults, "Mars/Olympus_Mons"));
    }
}
