using System.Globalization;
using System.Text.RegularExpressions;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Cases;

/// <summary>Turns wire input into <see cref="CaseDetails"/>, or reports every invalid field.</summary>
public static partial class CaseDetailsValidator
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 2000;
    public const int MaxListLength = 20;
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
        var vulnerabilities = FieldRules.Enums<Vulnerability>(input.Vulnerabilities, "vulnerabilities", MaxListLength, errors);
        var notes = OptionalText(input.VulnerabilityNotes, "vulnerabilityNotes", MaxTextLength, errors);
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

        var fullName = RequiredText(input.FullName, "client.fullName", MaxNameLength, errors);
        var aliases = TextList(input.Aliases, "client.aliases", MaxNameLength, errors);
        var birthDate = OptionalDate(input.BirthDate, "client.birthDate", errors);
        if (birthDate is { } born && (born > today || born < EarliestBirthDate))
        {
            errors.Add("client.birthDate", "The birth date cannot be in the future or before 1900.");
        }

        var nationalities = Codes(input.Nationalities, "client.nationalities", FieldRules.CountryCode(), errors, upper: true, "an ISO 3166-1 alpha-2 country code such as HN");
        var languages = Codes(input.Languages, "client.languages", FieldRules.LanguageTag(), errors, upper: false, "a language tag such as es or ht");
        var gender = OptionalText(input.Gender, "client.gender", 100, errors);
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

        var phone = OptionalText(input.Phone, "client.contact.phone", 20, errors);
        if (phone is not null && !PhoneNumber().IsMatch(phone))
        {
            errors.Add("client.contact.phone", "The phone number must be in international format, e.g. +50255512345.");
        }

        return new Contact(phone, OptionalText(input.Chat, "client.contact.chat", MaxNameLength, errors));
    }

    private static Location? ValidateLocation(LocationInput? input, ValidationErrors errors)
    {
        if (input is null)
        {
            return null;
        }

        var country = Code(input.Country, "client.currentLocation.country", FieldRules.CountryCode(), errors, upper: true, "an ISO 3166-1 alpha-2 country code such as GT");
        if (input.Country is null)
        {
            errors.Add("client.currentLocation.country", "The country is required when a location is given.");
        }

        var locality = OptionalText(input.Locality, "client.currentLocation.locality", MaxNameLength, errors);
        return country is null ? null : new Location(country, locality);
    }

    private static IReadOnlyList<IdentityDocument> ValidateDocuments(List<IdentityDocumentInput?>? input, ValidationErrors errors)
    {
        var result = new List<IdentityDocument>();
        if (!FieldRules.WithinLimit(input, "client.identityDocuments", MaxListLength, errors))
        {
            return result;
        }

        for (var i = 0; i < input!.Count; i++)
        {
            var field = $"client.identityDocuments[{i}]";
            if (input[i] is not { } document)
            {
                errors.Add(field, "An identity document cannot be null.");
                continue;
            }

            var type = FieldRules.Enum<IdentityDocumentType>(document.Type, $"{field}.type", errors);
            var number = RequiredText(document.Number, $"{field}.number", 50, errors);
            var issuer = Code(document.IssuingCountry, $"{field}.issuingCountry", FieldRules.CountryCode(), errors, upper: true, "an ISO 3166-1 alpha-2 country code");
            if (type is { } t && number is not null)
            {
                result.Add(new IdentityDocument(t, number, issuer));
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

        var currency = Code(input.Currency, "household.currency", FieldRules.CurrencyCode(), errors, upper: true, "an ISO 4217 currency code such as GTQ");
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

        if (!FieldRules.WithinLimit(input, "legalIssues", MaxListLength, errors))
        {
            return result;
        }

        for (var i = 0; i < input.Count; i++)
        {
            var field = $"legalIssues[{i}]";
            if (input[i] is not { } issue)
            {
                errors.Add(field, "A legal issue cannot be null.");
                continue;
            }

            var type = FieldRules.Enum<LegalIssueType>(issue.Type, $"{field}.type", errors);
            var description = OptionalText(issue.Description, $"{field}.description", MaxTextLength, errors);
            if (type == LegalIssueType.Other && description is null)
            {
                errors.Add($"{field}.description", "A description is required for a legal issue of type 'other'.");
            }

            if (type is { } t)
            {
                result.Add(new LegalIssue(t, description));
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
        if (FieldRules.WithinLimit(input.Deadlines, "keyDates.deadlines", MaxListLength, errors))
        {
            for (var i = 0; i < input.Deadlines!.Count; i++)
            {
                var field = $"keyDates.deadlines[{i}]";
                if (input.Deadlines[i] is not { } deadline)
                {
                    errors.Add(field, "A deadline cannot be null.");
                    continue;
                }

                var date = OptionalDate(deadline.Date, $"{field}.date", errors);
                if (deadline.Date is null)
                {
                    errors.Add($"{field}.date", "The date of a deadline is required.");
                }

                var description = RequiredText(deadline.Description, $"{field}.description", MaxTextLength, errors);
                if (date is { } d && description is not null)
                {
                    deadlines.Add(new LegalDeadline(d, description));
                }
            }
        }

        return new KeyDates(detention, hearing, deadlines);
    }

    private static IReadOnlyList<AdverseParty> ValidateAdverseParties(List<AdversePartyInput?>? input, ValidationErrors errors)
    {
        var result = new List<AdverseParty>();
        if (!FieldRules.WithinLimit(input, "adverseParties", MaxListLength, errors))
        {
            return result;
        }

        for (var i = 0; i < input!.Count; i++)
        {
            var field = $"adverseParties[{i}]";
            if (input[i] is not { } party)
            {
                errors.Add(field, "An adverse party cannot be null.");
                continue;
            }

            var name = RequiredText(party.Name, $"{field}.name", MaxNameLength, errors);
            var aliases = TextList(party.Aliases, $"{field}.aliases", MaxNameLength, errors);
            if (name is not null)
            {
                result.Add(new AdverseParty(name, aliases));
            }
        }

        return result;
    }

    private static string? RequiredText(string? value, string field, int maxLength, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "This field is required.");
            return null;
        }

        return OptionalText(value, field, maxLength, errors);
    }

    private static string? OptionalText(string? value, string field, int maxLength, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            errors.Add(field, $"At most {maxLength} characters are allowed.");
            return null;
        }

        return trimmed;
    }

    private static IReadOnlyList<string> TextList(List<string?>? values, string field, int maxLength, ValidationErrors errors)
    {
        var result = new List<string>();
        if (!FieldRules.WithinLimit(values, field, MaxListLength, errors))
        {
            return result;
        }

        for (var i = 0; i < values!.Count; i++)
        {
            if (RequiredText(values[i], $"{field}[{i}]", maxLength, errors) is { } text)
            {
                result.Add(text);
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

    private static string? Code(string? value, string field, Regex pattern, ValidationErrors errors, bool upper, string expected)
    {
        if (value is null)
        {
            return null;
        }

        var normalized = upper ? value.Trim().ToUpperInvariant() : value.Trim().ToLowerInvariant();
        if (!pattern.IsMatch(normalized))
        {
            errors.Add(field, $"The value must be {expected}.");
            return null;
        }

        return normalized;
    }

    private static IReadOnlyList<string> Codes(List<string?>? values, string field, Regex pattern, ValidationErrors errors, bool upper, string expected)
    {
        var result = new List<string>();
        if (!FieldRules.WithinLimit(values, field, MaxListLength, errors))
        {
            return result;
        }

        for (var i = 0; i < values!.Count; i++)
        {
            if (values[i] is null)
            {
                errors.Add($"{field}[{i}]", "The value cannot be null.");
            }
            else if (Code(values[i], $"{field}[{i}]", pattern, errors, upper, expected) is { } code && !result.Contains(code))
            {
                result.Add(code);
            }
        }

        return result;
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex PhoneNumber();
}
