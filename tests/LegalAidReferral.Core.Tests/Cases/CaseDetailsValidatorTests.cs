using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Tests.Cases;

public class CaseDetailsValidatorTests
{
    [Fact]
    public void Valid_intake_is_accepted_and_normalized()
    {
        var details = CaseSamples.ValidDetails();

        Assert.Equal("María José Pérez López", details.Client.FullName);
        Assert.Equal(["HN"], details.Client.Nationalities);
        Assert.Equal(new DateOnly(1994, 3, 12), details.Client.BirthDate);
        Assert.Equal([Vulnerability.Detained], details.Vulnerabilities);
        Assert.Equal(LegalIssueType.Deportation, Assert.Single(details.LegalIssues).Type);
    }

    public static TheoryData<string, Func<IntakeInput, IntakeInput>> InvalidInputs() => new()
    {
        { "client", i => i with { Client = null } },
        { "client.fullName", i => i with { Client = i.Client! with { FullName = "   " } } },
        { "client.fullName", i => i with { Client = i.Client! with { FullName = new string('a', 201) } } },
        { "client.birthDate", i => i with { Client = i.Client! with { BirthDate = "2027-01-01" } } },
        { "client.birthDate", i => i with { Client = i.Client! with { BirthDate = "1994-02-30" } } },
        { "client.birthDate", i => i with { Client = i.Client! with { BirthDate = "12/03/1994" } } },
        { "client.nationalities[0]", i => i with { Client = i.Client! with { Nationalities = ["Honduras"] } } },
        { "client.languages[0]", i => i with { Client = i.Client! with { Languages = ["Spanish!"] } } },
        { "client.contact.phone", i => i with { Client = i.Client! with { Contact = new ContactInput { Phone = "5551234" } } } },
        { "client.currentLocation.country", i => i with { Client = i.Client! with { CurrentLocation = new LocationInput { Locality = "x" } } } },
        { "client.identityDocuments[0].type", i => i with { Client = i.Client! with { IdentityDocuments = [new IdentityDocumentInput { Type = "visa", Number = "1" }] } } },
        { "client.identityDocuments[0].number", i => i with { Client = i.Client! with { IdentityDocuments = [new IdentityDocumentInput { Type = "passport" }] } } },
        { "household.size", i => i with { Household = new HouseholdInput { Size = 0 } } },
        { "household.size", i => i with { Household = new HouseholdInput { MonthlyIncome = 10, Currency = "GTQ" } } },
        { "household.monthlyIncome", i => i with { Household = new HouseholdInput { Size = 2, MonthlyIncome = -1, Currency = "GTQ" } } },
        { "household.currency", i => i with { Household = new HouseholdInput { Size = 2, MonthlyIncome = 100 } } },
        { "household.currency", i => i with { Household = new HouseholdInput { Size = 2, MonthlyIncome = 100, Currency = "quetzal" } } },
        { "vulnerabilities[0]", i => i with { Vulnerabilities = ["poor"] } },
        { "legalIssues", i => i with { LegalIssues = [] } },
        { "legalIssues", i => i with { LegalIssues = null } },
        { "legalIssues[0].type", i => i with { LegalIssues = [new LegalIssueInput { Type = "immigration" }] } },
        { "legalIssues[0].description", i => i with { LegalIssues = [new LegalIssueInput { Type = "other" }] } },
        { "keyDates.detentionDate", i => i with { KeyDates = new KeyDatesInput { DetentionDate = "2026-12-01" } } },
        { "keyDates.deadlines[0].description", i => i with { KeyDates = new KeyDatesInput { Deadlines = [new LegalDeadlineInput { Date = "2026-12-10" }] } } },
        { "adverseParties[0].name", i => i with { AdverseParties = [new AdversePartyInput { Aliases = ["x"] }] } },
        { "client.aliases", i => i with { Client = i.Client! with { Aliases = Enumerable.Repeat<string?>("alias", 21).ToList() } } },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void Invalid_field_is_reported_by_its_path(string field, Func<IntakeInput, IntakeInput> spoil)
    {
        var result = CaseDetailsValidator.Validate(spoil(CaseSamples.ValidInput()), CaseSamples.Today);

        Assert.False(result.IsSuccess);
        Assert.Equal(FailureKind.Validation, result.Failure!.Kind);
        Assert.Contains(field, result.Failure.Errors!.Keys);
    }

    public static TheoryData<string, Func<IntakeInput, IntakeInput>> NullElements() => new()
    {
        { "client.identityDocuments[1]", i => i with { Client = i.Client! with { IdentityDocuments = [.. i.Client.IdentityDocuments!, null] } } },
        { "legalIssues[1]", i => i with { LegalIssues = [.. i.LegalIssues!, null] } },
        { "keyDates.deadlines[1]", i => i with { KeyDates = i.KeyDates! with { Deadlines = [new LegalDeadlineInput { Date = "2026-12-10", Description = "Appeal" }, null] } } },
        { "adverseParties[1]", i => i with { AdverseParties = [.. i.AdverseParties!, null] } },
        { "keyDates.deadlines[0].date", i => i with { KeyDates = i.KeyDates! with { Deadlines = [new LegalDeadlineInput { Description = "Appeal" }] } } },
    };

    [Theory]
    [MemberData(nameof(NullElements))]
    public void A_missing_list_element_is_the_only_error_reported(string field, Func<IntakeInput, IntakeInput> spoil)
    {
        var result = CaseDetailsValidator.Validate(spoil(CaseSamples.ValidInput()), CaseSamples.Today);

        Assert.Equal([field], result.Failure!.Errors!.Keys);
    }

    [Fact]
    public void An_over_long_description_of_an_other_issue_is_reported_once_as_too_long()
    {
        var input = CaseSamples.ValidInput() with { LegalIssues = [new LegalIssueInput { Type = "other", Description = new string('d', FieldLimits.LongText + 1) }] };

        var errors = CaseDetailsValidator.Validate(input, CaseSamples.Today).Failure!.Errors!;

        Assert.Single(Assert.Single(errors, e => e.Key == "legalIssues[0].description").Value);
    }

    [Fact]
    public void Deadlines_are_kept_with_their_dates_in_order()
    {
        var input = CaseSamples.ValidInput() with
        {
            KeyDates = new KeyDatesInput
            {
                Deadlines = [new LegalDeadlineInput { Date = "2026-12-10", Description = "Appeal" }, new LegalDeadlineInput { Date = "2026-12-01", Description = "Filing" }],
            },
        };

        var details = CaseDetailsValidator.Validate(input, CaseSamples.Today).Value!;

        Assert.Equal(
            [(new DateOnly(2026, 12, 10), "Appeal"), (new DateOnly(2026, 12, 1), "Filing")],
            details.KeyDates.Deadlines.Select(d => (d.Date, d.Description)));
    }

    [Fact]
    public void Every_invalid_field_is_reported_at_once()
    {
        var input = CaseSamples.ValidInput() with
        {
            Client = CaseSamples.ValidInput().Client! with { FullName = null, BirthDate = "2099-01-01" },
            LegalIssues = [],
        };

        var errors = CaseDetailsValidator.Validate(input, CaseSamples.Today).Failure!.Errors!;

        Assert.Equal(["client.birthDate", "client.fullName", "legalIssues"], errors.Keys.Order());
    }

    [Fact]
    public void Unknown_enum_value_lists_the_allowed_values()
    {
        var input = CaseSamples.ValidInput() with { Vulnerabilities = ["poor"] };

        var message = Assert.Single(CaseDetailsValidator.Validate(input, CaseSamples.Today).Failure!.Errors!["vulnerabilities[0]"]);

        Assert.Contains("unaccompanied-minor", message);
    }

    [Fact]
    public void Error_messages_never_echo_the_submitted_value()
    {
        var input = CaseSamples.ValidInput() with
        {
            Client = CaseSamples.ValidInput().Client! with { BirthDate = "María-Secret", Nationalities = ["María"] },
        };

        var errors = CaseDetailsValidator.Validate(input, CaseSamples.Today).Failure!.Errors!;

        Assert.DoesNotContain(errors.Values.SelectMany(m => m), m => m.Contains("María", StringComparison.Ordinal));
    }

    [Fact]
    public void Birth_date_today_is_accepted_and_tomorrow_is_not()
    {
        static bool Accepts(DateOnly date) => CaseDetailsValidator.Validate(
            CaseSamples.ValidInput() with { Client = CaseSamples.ValidInput().Client! with { BirthDate = date.ToString("yyyy-MM-dd") } },
            CaseSamples.Today).IsSuccess;

        Assert.True(Accepts(CaseSamples.Today));
        Assert.False(Accepts(CaseSamples.Today.AddDays(1)));
    }

    [Fact]
    public void Duplicate_vulnerabilities_are_kept_once()
    {
        var input = CaseSamples.ValidInput() with { Vulnerabilities = ["child", "detained", "child"] };

        Assert.Equal([Vulnerability.Child, Vulnerability.Detained], CaseDetailsValidator.Validate(input, CaseSamples.Today).Value!.Vulnerabilities);
    }
}
