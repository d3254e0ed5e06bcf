using System.Globalization;
using System.Text.RegularExpressions;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Cases;

/// <summary>Turns wire input into <see cref="CaseDetails"/>, or reports every invalid field.</summary>
public static partial class CaseDetailsValidator
{
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    public static Result<CaseDetails> Validate(CaseDetailsInput? input, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (input is null)
        {
            errors.Add("$", "A JSON object with the case details is required.");
            return errors.ToFailure();
        }

        var client = ValidateClient(input.Client, today, errors);
        var household = ValidateHousehold(input.Household, errors);
        var vulnerabilities = FieldRules.Enums<Vulnerability>(input.Vulnerabilities, "vulnerabilities", FieldLimits.CaseList, errors);
        var notes = FieldRules.Text(input.VulnerabilityNotes, "vulnerabilityNotes", FieldLimits.LongText, errors, multiline: true);
        var issues = ValidateLegalIssues(input.LegalIssues, errors);
        var keyDates = ValidateKeyDates(input.KeyDates, today, errors);
        var parties = ValidateAdverseParties(input.AdverseParties, errors);

        if (errors.Any || client is null)
        {
            return errors.ToFailure();
        }

        return new CaseDetails(client, household, vulnerabilities, notes, issues, keyDates, parties);
    }

    private static Client? ValidateClient(ClientInput? input, DateOnly today, ValidationErrors errors)
    {
        if (input is null)
        {
            errors.Add("client", "The client is required.");
            return null;
        }

        var fullName = FieldRules.Text(input.FullName, "client.fullName", FieldLimits.PersonName, errors, required: true);
        var aliases = FieldRules.Texts(input.Aliases, "client.aliases", FieldLimits.CaseList, FieldLimits.PersonName, errors);
        var birthDate = OptionalDate(input.BirthDate, "client.birthDate", errors);
        if (birthDate is { } born && (born > today || born < EarliestBirthDate))
        {
            errors.Add("client.birthDate", "The birth date cannot be in the future or before 1900.");
        }

        var nationalities = FieldRules.Codes(
            input.Nationalities, "client.nationalities", FieldLimits.CaseList, FieldRules.CountryCode(), FieldLimits.CountryCode, upper: true,
            "an ISO 3166-1 alpha-2 country code such as HN", errors);
        var languages = FieldRules.Codes(
            input.Languages, "client.languages", FieldLimits.CaseList, FieldRules.LanguageTag(), FieldLimits.LanguageTag, upper: false,
            "a language tag such as es or ht", errors);
        var gender = FieldRules.Text(input.Gender, "client.gender", FieldLimits.Gender, errors);
        var contact = ValidateContact(input.Contact, errors);
        var location = ValidateLocation(input.CurrentLocation, errors);
        var documents = ValidateDocuments(input.IdentityDocuments, errors);

        return fullName is null
            ? null
            : new Client(fullName, aliases, birthDate, input.BirthDateApproximate ?? false, nationalities, languages, gender, contact, location, documents);
    }

    private static Contact ValidateContact(ContactInput? input, ValidationErrors errors)
    {
        if (input is null)
        {
            return new Contact(null, null);
        }

        var phone = FieldRules.Text(input.Phone, "client.contact.phone", FieldLimits.Phone, errors);
        if (phone is not null && !PhoneNumber().IsMatch(phone))
        {
            errors.Add("client.contact.phone", "The phone number must be in international format, e.g. +50255512345.");
        }

        return new Contact(phone, FieldRules.Text(input.Chat, "client.contact.chat", FieldLimits.ChatHandle, errors));
    }

    private static Location? ValidateLocation(LocationInput? input, ValidationErrors errors)
    {
        if (input is null)
        {
            return null;
        }

        var country = FieldRules.Code(
            input.Country, "client.currentLocation.country", FieldRules.CountryCode(), FieldLimits.CountryCode, upper: true,
            "an ISO 3166-1 alpha-2 country code such as GT", errors);
        if (input.Country is null)
        {
            errors.Add("client.currentLocation.country", "The country is required when a location is given.");
        }

        var locality = FieldRules.Text(input.Locality, "client.currentLocation.locality", FieldLimits.Locality, errors);
        return country is null ? null : new Location(country, locality);
    }

    private static IReadOnlyList<IdentityDocument> ValidateDocuments(List<IdentityDocumentInput?>? input, ValidationErrors errors)
    {
        var result = new List<IdentityDocument>();
        if (!FieldRules.WithinLimit(input, "client.identityDocuments", FieldLimits.CaseList, errors))
        {
            return result;
        }

        for (var i = 0; i < input!.Count; i++)
        {
            var field = $"client.identityDocuments[{i}]";
            if (input[i] is { } document)
            {
                var type = FieldRules.Enum<IdentityDocumentType>(document.Type, $"{field}.type", errors);
                var number = FieldRules.Text(document.Number, $"{field}.number", FieldLimits.DocumentNumber, errors, required: true);
                var issuer = FieldRules.Code(
                    document.IssuingCountry, $"{field}.issuingCountry", FieldRules.CountryCode(), FieldLimits.CountryCode, upper: true,
                    "an ISO 3166-1 alpha-2 country code", errors);
                if (type is { } t && number is not null)
                {
                    result.Add(new IdentityDocument(t, number, issuer));
                }
            }
            else
            {
                errors.Add(field, "An identity document cannot be null.");
            }
        }

        return result;
    }

    private static Household? ValidateHousehold(HouseholdInput? input, ValidationErrors errors)
    {
        if (input is null)
        {
            return null;
        }

        if (input.Size is null)
        {
            errors.Add("household.size", "The household size is required when household data is given.");
        }
        else if (input.Size is < 1 or > 50)
        {
            errors.Add("household.size", "The household size must be between 1 and 50.");
        }

        if (input.MonthlyIncome is < 0)
        {
            errors.Add("household.monthlyIncome", "The monthly income cannot be negative.");
        }

        var currency = FieldRules.Code(
            input.Currency, "household.currency", FieldRules.CurrencyCode(), FieldLimits.CurrencyCode, upper: true,
            "an ISO 4217 currency code such as GTQ", errors);
        if (input.MonthlyIncome is not null && input.Currency is null)
        {
            errors.Add("household.currency", "The currency is required when an income is given.");
        }

        return input.Size is { } size ? new Household(size, input.MonthlyIncome, currency) : null;
    }

    private static IReadOnlyList<LegalIssue> ValidateLegalIssues(List<LegalIssueInput?>? input, ValidationErrors errors)
    {
        var result = new List<LegalIssue>();
        if (input is null || input.Count == 0)
        {
            errors.Add("legalIssues", "At least one legal issue is required.");
            return result;
        }

        if (!FieldRules.WithinLimit(input, "legalIssues", FieldLimits.CaseList, errors))
        {
            return result;
        }

        for (var i = 0; i < input.Count; i++)
        {
            var field = $"legalIssues[{i}]";
            if (input[i] is { } issue)
            {
                var type = FieldRules.Enum<LegalIssueType>(issue.Type, $"{field}.type", errors);
                var errorsBefore = errors.Count;
                var description = FieldRules.Text(issue.Description, $"{field}.description", FieldLimits.LongText, errors, multiline: true);
                if (type == LegalIssueType.Other && description is null && errors.Count == errorsBefore)
                {
                    errors.Add($"{field}.description", "A description is required for a legal issue of type 'other'.");
                }

                if (type is { } t)
                {
                    result.Add(new LegalIssue(t, description));
                }
            }
            else
            {
                errors.Add(field, "A legal issue cannot be null.");
            }
        }

        return result;
    }

    private static KeyDates ValidateKeyDates(KeyDatesInput? input, DateOnly today, ValidationErrors errors)
    {
        if (input is null)
        {
            return new KeyDates(null, null, []);
        }

        var detention = OptionalDate(input.DetentionDate, "keyDates.detentionDate", errors);
        if (detention > today)
        {
            errors.Add("keyDates.detentionDate", "The detention date cannot be in the future.");
        }

        var hearing = OptionalDate(input.HearingDate, "keyDates.hearingDate", errors);
        var deadlines = new List<LegalDeadline>();
        if (FieldRules.WithinLimit(input.Deadlines, "keyDates.deadlines", FieldLimits.CaseList, errors))
        {
            for (var i = 0; i < input.Deadlines!.Count; i++)
            {
                var field = $"keyDates.deadlines[{i}]";
                if (input.Deadlines[i] is { } deadline)
                {
                    var date = OptionalDate(deadline.Date, $"{field}.date", errors);
                    if (deadline.Date is null)
                    {
                        errors.Add($"{field}.date", "The date of a deadline is required.");
                    }

                    var description = FieldRules.Text(deadline.Description, $"{field}.description", FieldLimits.LongText, errors, required: true, multiline: true);
                    if (date is { } d && description is not null)
                    {
                        deadlines.Add(new LegalDeadline(d, description));
                    }
                }
                else
                {
                    errors.Add(field, "A deadline cannot be null.");
                }
            }
        }

        return new KeyDates(detention, hearing, deadlines);
    }

    private static IReadOnlyList<AdverseParty> ValidateAdverseParties(List<AdversePartyInput?>? input, ValidationErrors errors)
    {
        var result = new List<AdverseParty>();
        if (!FieldRules.WithinLimit(input, "adverseParties", FieldLimits.CaseList, errors))
        {
            return result;
        }

        for (var i = 0; i < input!.Count; i++)
        {
            var field = $"adverseParties[{i}]";
            if (input[i] is { } party)
            {
                var name = FieldRules.Text(party.Name, $"{field}.name", FieldLimits.PersonName, errors, required: true);
                var aliases = FieldRules.Texts(party.Aliases, $"{field}.aliases", FieldLimits.CaseList, FieldLimits.PersonName, errors);
                if (name is not null)
                {
                    result.Add(new AdverseParty(name, aliases));
                }
            }
            else
            {
                errors.Add(field, "An adverse party cannot be null.");
            }
        }

        return result;
    }

    private static DateOnly? OptionalDate(string? value, string field, ValidationErrors errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, "The date must be a valid calendar date in the form YYYY-MM-DD.");
        return null;
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex PhoneNumber();
}
