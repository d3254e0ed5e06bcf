using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Tests.Cases;

/// <summary>Every limit of the case details, at its edge: the limit is accepted and one more is not.</summary>
public class CaseDetailsLimitsTests
{
    private static IntakeInput Valid => CaseSamples.ValidInput();

    private static ClientInput Client => Valid.Client!;

    private static string Text(int length) => new('a', length);

    // Well-formed for 35 and 36: the last variant has 5 or 6 letters.
    private static string LanguageTag(int length) => "es-abcdefgh-abcdefgh-abcdefgh-" + new string('z', length - 30);

    private static List<T> Many<T>(int count, T item) => Enumerable.Repeat(item, count).ToList();

    public static TheoryData<string, int, Func<int, IntakeInput>> Limits() => new()
    {
        { "client.fullName", FieldLimits.PersonName, n => Valid with { Client = Client with { FullName = Text(n) } } },
        { "client.aliases[0]", FieldLimits.PersonName, n => Valid with { Client = Client with { Aliases = [Text(n)] } } },
        { "client.aliases", FieldLimits.CaseList, n => Valid with { Client = Client with { Aliases = Many<string?>(n, "Majo") } } },
        { "client.gender", FieldLimits.Gender, n => Valid with { Client = Client with { Gender = Text(n) } } },
        { "client.contact.chat", FieldLimits.ChatHandle, n => Valid with { Client = Client with { Contact = new ContactInput { Chat = Text(n) } } } },
        { "client.contact.phone", FieldLimits.Phone, n => Valid with { Client = Client with { Contact = new ContactInput { Phone = "+5" + new string('1', n - 2) } } } },
        { "client.currentLocation.locality", FieldLimits.Locality, n => Valid with { Client = Client with { CurrentLocation = new LocationInput { Country = "GT", Locality = Text(n) } } } },
        { "client.nationalities", FieldLimits.CaseList, n => Valid with { Client = Client with { Nationalities = Many<string?>(n, "HN") } } },
        { "client.languages", FieldLimits.CaseList, n => Valid with { Client = Client with { Languages = Many<string?>(n, "es") } } },
        { "client.languages[0]", FieldLimits.LanguageTag, n => Valid with { Client = Client with { Languages = [LanguageTag(n)] } } },
        { "client.identityDocuments", FieldLimits.CaseList, n => Valid with { Client = Client with { IdentityDocuments = Many<IdentityDocumentInput?>(n, new IdentityDocumentInput { Type = "passport", Number = "X1" }) } } },
        { "client.identityDocuments[0].number", FieldLimits.DocumentNumber, n => Valid with { Client = Client with { IdentityDocuments = [new IdentityDocumentInput { Type = "passport", Number = Text(n) }] } } },
        { "household.size", 50, n => Valid with { Household = new HouseholdInput { Size = n } } },
        { "vulnerabilities", FieldLimits.CaseList, n => Valid with { Vulnerabilities = Many<string?>(n, "child") } },
        { "vulnerabilityNotes", FieldLimits.LongText, n => Valid with { VulnerabilityNotes = Text(n) } },
        { "legalIssues", FieldLimits.CaseList, n => Valid with { LegalIssues = Many<LegalIssueInput?>(n, new LegalIssueInput { Type = "asylum" }) } },
        { "legalIssues[0].description", FieldLimits.LongText, n => Valid with { LegalIssues = [new LegalIssueInput { Type = "other", Description = Text(n) }] } },
        { "keyDates.deadlines", FieldLimits.CaseList, n => Valid with { KeyDates = new KeyDatesInput { Deadlines = Many<LegalDeadlineInput?>(n, new LegalDeadlineInput { Date = "2026-12-10", Description = "Appeal" }) } } },
        { "keyDates.deadlines[0].description", FieldLimits.LongText, n => Valid with { KeyDates = new KeyDatesInput { Deadlines = [new LegalDeadlineInput { Date = "2026-12-10", Description = Text(n) }] } } },
        { "adverseParties", FieldLimits.CaseList, n => Valid with { AdverseParties = Many<AdversePartyInput?>(n, new AdversePartyInput { Name = "Rodrigo Salazar" }) } },
        { "adverseParties[0].name", FieldLimits.PersonName, n => Valid with { AdverseParties = [new AdversePartyInput { Name = Text(n) }] } },
        { "adverseParties[0].aliases", FieldLimits.CaseList, n => Valid with { AdverseParties = [new AdversePartyInput { Name = "Rodrigo Salazar", Aliases = Many<string?>(n, "Rigo") }] } },
        { "adverseParties[0].aliases[0]", FieldLimits.PersonName, n => Valid with { AdverseParties = [new AdversePartyInput { Name = "Rodrigo Salazar", Aliases = [Text(n)] }] } },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void A_limit_is_accepted_and_one_more_is_reported_at_the_field(string field, int limit, Func<int, IntakeInput> build)
    {
        var atLimit = CaseDetailsValidator.Validate(build(limit), CaseSamples.Today);
        var over = CaseDetailsValidator.Validate(build(limit + 1), CaseSamples.Today);

        Assert.True(atLimit.IsSuccess, $"{field} at {limit}: {string.Join("; ", atLimit.Failure?.Errors?.Select(e => $"{e.Key}: {string.Join(' ', e.Value)}") ?? [])}");
        Assert.False(over.IsSuccess);
        Assert.Equal([field], over.Failure!.Errors!.Keys);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(0, false)]
    public void Household_size_starts_at_one(int size, bool valid)
    {
        Assert.Equal(valid, CaseDetailsValidator.Validate(Valid with { Household = new HouseholdInput { Size = size } }, CaseSamples.Today).IsSuccess);
    }

    [Theory]
    [InlineData("1900-01-01", true)]
    [InlineData("1899-12-31", false)]
    public void Birth_dates_start_in_1900(string birthDate, bool valid)
    {
        Assert.Equal(valid, CaseDetailsValidator.Validate(Valid with { Client = Client with { BirthDate = birthDate } }, CaseSamples.Today).IsSuccess);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-0.01, false)]
    public void Income_starts_at_zero(double income, bool valid)
    {
        var household = new HouseholdInput { Size = 2, MonthlyIncome = (decimal)income, Currency = "GTQ" };

        Assert.Equal(valid, CaseDetailsValidator.Validate(Valid with { Household = household }, CaseSamples.Today).IsSuccess);
    }

    [Fact]
    public void Every_alias_document_and_adverse_party_is_kept_in_order()
    {
        var input = Valid with
        {
            Client = Client with
            {
                Aliases = ["Majo", "  María P.  ", "Mari"],
                IdentityDocuments =
                [
                    new IdentityDocumentInput { Type = "passport", Number = "HN1", IssuingCountry = "hn" },
                    new IdentityDocumentInput { Type = "national-id", Number = " 0801 " },
                ],
            },
            AdverseParties =
            [
                new AdversePartyInput { Name = "Rodrigo Salazar", Aliases = ["Rigo", "El Flaco"] },
                new AdversePartyInput { Name = "Empresa Ficticia S.A." },
            ],
        };

        var details = CaseDetailsValidator.Validate(input, CaseSamples.Today).Value!;

        Assert.Equal(["Majo", "María P.", "Mari"], details.Client.Aliases);
        Assert.Equal(
            [new IdentityDocument(IdentityDocumentType.Passport, "HN1", "HN"), new IdentityDocument(IdentityDocumentType.NationalId, "0801", null)],
            details.Client.IdentityDocuments);
        Assert.Equal(["Rodrigo Salazar", "Empresa Ficticia S.A."], details.AdverseParties.Select(p => p.Name));
        Assert.Equal(["Rigo", "El Flaco"], details.AdverseParties[0].Aliases);
        Assert.Empty(details.AdverseParties[1].Aliases);
    }

    [Fact]
    public void Every_text_field_goes_through_the_text_rule()
    {
        const string bad = "x\u202Ey";
        var input = Valid with
        {
            Client = Client with
            {
                FullName = bad, Aliases = [bad], Gender = bad, Contact = new ContactInput { Phone = bad, Chat = bad },
                CurrentLocation = new LocationInput { Country = bad, Locality = bad }, Nationalities = [bad], Languages = [bad],
                IdentityDocuments = [new IdentityDocumentInput { Type = "passport", Number = bad, IssuingCountry = bad }],
            },
            Household = new HouseholdInput { Size = 1, MonthlyIncome = 1, Currency = bad },
            VulnerabilityNotes = bad,
            LegalIssues = [new LegalIssueInput { Type = "other", Description = bad }],
            KeyDates = new KeyDatesInput { Deadlines = [new LegalDeadlineInput { Date = "2026-12-10", Description = bad }] },
            AdverseParties = [new AdversePartyInput { Name = bad, Aliases = [bad] }],
        };

        var errors = CaseDetailsValidator.Validate(input, CaseSamples.Today).Failure!.Errors!;

        Assert.Equal(
            [
                "adverseParties[0].aliases[0]", "adverseParties[0].name", "client.aliases[0]", "client.contact.chat", "client.contact.phone",
                "client.currentLocation.country", "client.currentLocation.locality", "client.fullName", "client.gender",
                "client.identityDocuments[0].issuingCountry", "client.identityDocuments[0].number", "client.languages[0]", "client.nationalities[0]",
                "household.currency", "keyDates.deadlines[0].description", "legalIssues[0].description", "vulnerabilityNotes",
            ],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, messages => Assert.Contains("U+202E", Assert.Single(messages), StringComparison.Ordinal));
    }
}
