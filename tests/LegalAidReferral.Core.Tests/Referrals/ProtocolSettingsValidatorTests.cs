using LegalAidReferral.Core.Referrals.Input;
using LegalAidReferral.Core.Referrals.Protocol;

namespace LegalAidReferral.Core.Tests.Referrals;

public class ProtocolSettingsValidatorTests
{
    private const string Office = "mx-ifdp-tapachula";

    [Fact]
    public void The_defaults_are_those_of_the_domain_model()
    {
        var settings = ProtocolDefaults.For(Office);

        Assert.Equal((Office, 1), (settings.OfficeId, settings.Version));
        Assert.Equal([DayOfWeek.Sunday, DayOfWeek.Saturday], settings.Weekend);
        Assert.Empty(settings.Holidays);
        Assert.Equal(
            new ProtocolDeadlines(new BusinessDaysDeadline(2, 24), new BusinessDaysDeadline(5, 48), new BusinessDaysDeadline(3, 24), new RecurringDeadline(30, 30)),
            settings.Deadlines);
        Assert.Equal(
            ["client-refused-services", "lack-of-capacity", "services-no-longer-needed", "unable-to-contact-client", "unable-to-contact-office", "other"],
            settings.NotSuccessfulReasons);
    }

    [Fact]
    public void A_valid_document_keeps_holidays_in_date_order_with_the_version_and_author()
    {
        var input = ProtocolDefaults.Input with
        {
            Holidays = [new HolidayInput { Date = "2026-12-25", Name = "Navidad" }, new HolidayInput { Date = "2026-09-16", Name = " Independencia " }],
        };

        var settings = ProtocolSettingsValidator.Validate(input, Office, 3, ReferralSamples.Now, "mx-admin").Value!;

        Assert.Equal([new Holiday(new DateOnly(2026, 9, 16), "Independencia"), new Holiday(new DateOnly(2026, 12, 25), "Navidad")], settings.Holidays);
        Assert.Equal((3, ReferralSamples.Now, "mx-admin"), (settings.Version, settings.UpdatedAt, settings.UpdatedBy));
    }

    public static TheoryData<string, Func<ProtocolSettingsInput, ProtocolSettingsInput>> InvalidSettings() => new()
    {
        { "weekend", s => s with { Weekend = null } },
        { "weekend", s => s with { Weekend = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] } },
        { "weekend[0]", s => s with { Weekend = ["sabado"] } },
        { "holidays", s => s with { Holidays = null } },
        { "holidays", s => s with { Holidays = Enumerable.Range(0, ProtocolSettingsValidator.MaxHolidays + 1).Select(i => new HolidayInput { Date = "2026-01-01", Name = "x" }).ToList<HolidayInput?>() } },
        { "holidays[0]", s => s with { Holidays = [null] } },
        { "holidays[0].date", s => s with { Holidays = [new HolidayInput { Date = "25/12/2026", Name = "Navidad" }] } },
        { "holidays[0].name", s => s with { Holidays = [new HolidayInput { Date = "2026-12-25", Name = " " }] } },
        { "holidays[0].name", s => s with { Holidays = [new HolidayInput { Date = "2026-12-25", Name = "Navi\u202Edad" }] } },
        { "holidays[1].date", s => s with { Holidays = [new HolidayInput { Date = "2026-12-25", Name = "a" }, new HolidayInput { Date = "2026-12-25", Name = "b" }] } },
        { "deadlines", s => s with { Deadlines = null } },
        { "deadlines.acknowledge", s => s with { Deadlines = s.Deadlines! with { Acknowledge = null } } },
        { "deadlines.decide.businessDays", s => s with { Deadlines = s.Deadlines! with { Decide = new BusinessDaysDeadlineInput { BusinessDays = 0, CriticalHours = 48 } } } },
        { "deadlines.decide.businessDays", s => s with { Deadlines = s.Deadlines! with { Decide = new BusinessDaysDeadlineInput { BusinessDays = 1, CriticalHours = 48 } } } },
        { "deadlines.decide.criticalHours", s => s with { Deadlines = s.Deadlines! with { Decide = new BusinessDaysDeadlineInput { BusinessDays = 5, CriticalHours = 12 } } } },
        { "deadlines.firstContact.criticalHours", s => s with { Deadlines = s.Deadlines! with { FirstContact = new BusinessDaysDeadlineInput { BusinessDays = 3, CriticalHours = 241 } } } },
        { "deadlines.firstContact.businessDays", s => s with { Deadlines = s.Deadlines! with { FirstContact = new BusinessDaysDeadlineInput { CriticalHours = 24 } } } },
        { "deadlines.outcomeReport", s => s with { Deadlines = s.Deadlines! with { OutcomeReport = null } } },
        { "deadlines.outcomeReport.days", s => s with { Deadlines = s.Deadlines! with { OutcomeReport = new RecurringDeadlineInput { Days = 366, RepeatEveryDays = 30 } } } },
        { "deadlines.outcomeReport.repeatEveryDays", s => s with { Deadlines = s.Deadlines! with { OutcomeReport = new RecurringDeadlineInput { Days = 30, RepeatEveryDays = 0 } } } },
        { "notSuccessfulReasons", s => s with { NotSuccessfulReasons = [] } },
        { "notSuccessfulReasons[0]", s => s with { NotSuccessfulReasons = ["Lack of capacity"] } },
        { "notSuccessfulReasons[1]", s => s with { NotSuccessfulReasons = ["other", "other"] } },
        { "notSuccessfulReasons[0]", s => s with { NotSuccessfulReasons = [null] } },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Invalid_settings_are_reported_at_the_field(string field, Func<ProtocolSettingsInput, ProtocolSettingsInput> spoil)
    {
        var result = ProtocolSettingsValidator.Validate(spoil(ProtocolDefaults.Input), Office, 2, null, null);

        Assert.False(result.IsSuccess);
        Assert.Contains(field, result.Failure!.Errors!.Keys);
    }

    [Fact]
    public void Every_invalid_field_is_reported_at_once()
    {
        var result = ProtocolSettingsValidator.Validate(
            new ProtocolSettingsInput { Weekend = ["someday"], Holidays = [], NotSuccessfulReasons = ["x y"] }, Office, 2, null, null);

        Assert.Equal(["deadlines", "notSuccessfulReasons[0]", "weekend[0]"], result.Failure!.Errors!.Keys.Order());
    }

    [Fact]
    public void A_missing_document_is_reported()
    {
        Assert.Equal(["$"], ProtocolSettingsValidator.Validate(null, Office, 2, null, null).Failure!.Errors!.Keys);
    }
}
