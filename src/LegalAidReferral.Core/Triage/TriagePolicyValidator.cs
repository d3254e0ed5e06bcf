using System.Text.RegularExpressions;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Triage.Input;

namespace LegalAidReferral.Core.Triage;

/// <summary>Turns a policy document into a <see cref="TriagePolicy"/>, or reports every invalid field by its path.</summary>
public static partial class TriagePolicyValidator
{
    public const int MaxCriteria = 20;
    public const int MaxPriorityRules = 20;
    public const int MaxThresholds = 20;
    public const int MaxDays = 365;
    public const int MaxRecommendedOffices = 10;

    public static Result<TriagePolicy> Validate(TriagePolicyInput? input, string officeId, int version, DateTimeOffset? updatedAt, string? updatedBy)
    {
        var errors = new ValidationErrors();
        if (input is null)
        {
            errors.Add("$", "A JSON object with the policy is required.");
            return errors.ToFailure();
        }

        var description = FieldRules.Text(input.Description, "description", FieldLimits.PolicyDescription, errors, multiline: true);
        var criteria = ValidateCriteria(input.Criteria, errors);
        var defaultPriority = FieldRules.Enum<Priority>(input.DefaultPriority, "defaultPriority", errors);
        var rules = ValidateRules(input.PriorityRules, defaultPriority, errors);
        var referral = ValidateReferral(input.Referral, errors);

        if (errors.Any)
        {
            return errors.ToFailure();
        }

        return new TriagePolicy(
            officeId, version, description, criteria, rules, defaultPriority!.Value, referral!, updatedAt, updatedBy);
    }

    private static IReadOnlyList<TriageCriterion> ValidateCriteria(List<TriageCriterionInput?>? input, ValidationErrors errors)
    {
        var result = new List<TriageCriterion>();
        if (input is null || input.Count == 0)
        {
            errors.Add("criteria", "At least one criterion is required.");
            return result;
        }

        if (input.Count > MaxCriteria)
        {
            errors.Add("criteria", $"At most {MaxCriteria} criteria are allowed.");
            return result;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Count; i++)
        {
            var field = $"criteria[{i}]";
            if (input[i] is { } criterion)
            {
                var id = Slug(criterion.Id, $"{field}.id", errors);
                if (id is not null && !ids.Add(id))
                {
                    errors.Add($"{field}.id", "Another criterion already has this id.");
                }

                var kind = FieldRules.Enum<TriageCriterionKind>(criterion.Kind, $"{field}.kind", errors);
                var checkedCriterion = kind switch
                {
                    TriageCriterionKind.Jurisdiction => Jurisdiction(criterion, field, errors),
                    TriageCriterionKind.Mandate => Mandate(criterion, field, errors),
                    TriageCriterionKind.MeansTest => MeansTest(criterion, field, errors),
                    TriageCriterionKind.ConflictOfInterest => ConflictOfInterest(criterion, field, errors),
                    _ => null,
                };
                if (id is not null && checkedCriterion is not null)
                {
                    result.Add(checkedCriterion with { Id = id });
                }
            }
            else
            {
                errors.Add(field, "A criterion cannot be null.");
            }
        }

        if (!errors.Any && !result.Any(c => c.Kind == TriageCriterionKind.ConflictOfInterest))
        {
            // An office must never take a case against a client it already represents, so no policy may skip the check.
            errors.Add("criteria", "A policy needs a 'conflict-of-interest' criterion.");
        }

        return result;
    }

    private static TriageCriterion? Jurisdiction(TriageCriterionInput input, string field, ValidationErrors errors)
    {
        Forbid(input, field, errors, nameof(input.LegalIssues), nameof(input.Currency), nameof(input.Thresholds),
            nameof(input.AdditionalMemberIncrement), nameof(input.WaivedFor), nameof(input.AppliesToLegalIssues));
        var countries = Countries(input.Countries, $"{field}.countries", errors);
        if (input.Countries is null or { Count: 0 })
        {
            errors.Add($"{field}.countries", "At least one country is required.");
        }

        var localities = new List<string>();
        if (FieldRules.WithinLimit(input.Localities, $"{field}.localities", FieldLimits.PolicyList, errors))
        {
            for (var i = 0; i < input.Localities!.Count; i++)
            {
                var locality = FieldRules.Text(input.Localities[i], $"{field}.localities[{i}]", FieldLimits.Locality, errors, required: true);
                if (locality is not null && !localities.Contains(locality, StringComparer.OrdinalIgnoreCase))
                {
                    localities.Add(locality);
                }
            }
        }

        return new TriageCriterion(string.Empty, TriageCriterionKind.Jurisdiction, Countries: countries, Localities: localities);
    }

    private static TriageCriterion? Mandate(TriageCriterionInput input, string field, ValidationErrors errors)
    {
        Forbid(input, field, errors, nameof(input.Countries), nameof(input.Localities), nameof(input.Currency), nameof(input.Thresholds),
            nameof(input.AdditionalMemberIncrement), nameof(input.WaivedFor), nameof(input.AppliesToLegalIssues));
        var issues = FieldRules.Enums<LegalIssueType>(input.LegalIssues, $"{field}.legalIssues", FieldLimits.PolicyList, errors);
        if (input.LegalIssues is null or { Count: 0 })
        {
            errors.Add($"{field}.legalIssues", "At least one legal issue type is required.");
        }

        return new TriageCriterion(string.Empty, TriageCriterionKind.Mandate, LegalIssues: issues);
    }

    private static TriageCriterion? MeansTest(TriageCriterionInput input, string field, ValidationErrors errors)
    {
        Forbid(input, field, errors, nameof(input.Countries), nameof(input.Localities), nameof(input.LegalIssues));
        var currency = Matching(input.Currency, $"{field}.currency", FieldRules.CurrencyCode(), "An ISO 4217 currency code in capitals, such as GTQ, is required.", errors);

        var thresholds = input.Thresholds ?? [];
        if (thresholds.Count is 0 or > MaxThresholds)
        {
            errors.Add($"{field}.thresholds", $"Give 1 to {MaxThresholds} monthly income thresholds: the first for a household of 1, the next for 2, and so on.");
        }

        for (var i = 0; i < thresholds.Count; i++)
        {
            if (thresholds[i] <= 0)
            {
                errors.Add($"{field}.thresholds[{i}]", "A threshold must be greater than zero.");
            }
            else if (i > 0 && thresholds[i] < thresholds[i - 1])
            {
                errors.Add($"{field}.thresholds[{i}]", "A larger household cannot have a lower threshold than a smaller one.");
            }
        }

        if (input.AdditionalMemberIncrement is null)
        {
            errors.Add($"{field}.additionalMemberIncrement", "Required: the amount added to the last threshold for each further household member (0 for none).");
        }
        else if (input.AdditionalMemberIncrement < 0)
        {
            errors.Add($"{field}.additionalMemberIncrement", "The increment cannot be negative.");
        }

        var waivers = FieldRules.Enums<Vulnerability>(input.WaivedFor, $"{field}.waivedFor", FieldLimits.PolicyList, errors);
        var scope = FieldRules.Enums<LegalIssueType>(input.AppliesToLegalIssues, $"{field}.appliesToLegalIssues", FieldLimits.PolicyList, errors);
        return new TriageCriterion(
            string.Empty, TriageCriterionKind.MeansTest, Currency: currency, Thresholds: thresholds.ToArray(),
            AdditionalMemberIncrement: input.AdditionalMemberIncrement, WaivedFor: waivers, AppliesToLegalIssues: scope);
    }

    private static TriageCriterion? ConflictOfInterest(TriageCriterionInput input, string field, ValidationErrors errors)
    {
        Forbid(input, field, errors, nameof(input.Countries), nameof(input.Localities), nameof(input.LegalIssues), nameof(input.Currency),
            nameof(input.Thresholds), nameof(input.AdditionalMemberIncrement), nameof(input.WaivedFor), nameof(input.AppliesToLegalIssues));
        return new TriageCriterion(string.Empty, TriageCriterionKind.ConflictOfInterest);
    }

    private static IReadOnlyList<PriorityRule> ValidateRules(List<PriorityRuleInput?>? input, Priority? defaultPriority, ValidationErrors errors)
    {
        var result = new List<PriorityRule>();
        if (input is null)
        {
            return result;
        }

        if (input.Count > MaxPriorityRules)
        {
            errors.Add("priorityRules", $"At most {MaxPriorityRules} rules are allowed.");
            return result;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Count; i++)
        {
            var field = $"priorityRules[{i}]";
            if (input[i] is { } rule)
            {
                var id = Slug(rule.Id, $"{field}.id", errors);
                if (id is not null && !ids.Add(id))
                {
                    errors.Add($"{field}.id", "Another rule already has this id.");
                }

                var priority = FieldRules.Enum<Priority>(rule.Priority, $"{field}.priority", errors);
                if (priority is { } p && defaultPriority is { } d && p >= d)
                {
                    errors.Add($"{field}.priority", $"A rule can only raise the priority above the default '{Kebab<Priority>.Name(d)}'.");
                }

                var vulnerabilities = rule.AnyVulnerability is null ? null : FieldRules.Enums<Vulnerability>(rule.AnyVulnerability, $"{field}.anyVulnerability", FieldLimits.PolicyList, errors);
                if (rule.AnyVulnerability is { Count: 0 })
                {
                    errors.Add($"{field}.anyVulnerability", "List at least one vulnerability, or leave the condition out.");
                }

                Days(rule.HearingWithinDays, $"{field}.hearingWithinDays", errors);
                Days(rule.DetainedWithinDays, $"{field}.detainedWithinDays", errors);
                Days(rule.DeadlineWithinDays, $"{field}.deadlineWithinDays", errors);
                if (rule.AnyVulnerability is null && rule.HearingWithinDays is null && rule.DetainedWithinDays is null && rule.DeadlineWithinDays is null)
                {
                    errors.Add(field, "A rule needs at least one condition: anyVulnerability, hearingWithinDays, detainedWithinDays or deadlineWithinDays.");
                }

                if (id is not null && priority is { } valid)
                {
                    result.Add(new PriorityRule(id, valid, vulnerabilities, rule.HearingWithinDays, rule.DetainedWithinDays, rule.DeadlineWithinDays));
                }
            }
            else
            {
                errors.Add(field, "A rule cannot be null.");
            }
        }

        return result;
    }

    private static ReferralSettings? ValidateReferral(ReferralSettingsInput? input, ValidationErrors errors)
    {
        if (input is null)
        {
            errors.Add("referral", "The referral settings are required: { \"recommendOffices\": true, \"maxOffices\": 3 }.");
            return null;
        }

        if (input.RecommendOffices is null)
        {
            errors.Add("referral.recommendOffices", "State whether cases the office cannot take get recommended offices (true or false).");
        }

        if (input.MaxOffices is null or < 1 or > MaxRecommendedOffices)
        {
            errors.Add("referral.maxOffices", $"A whole number from 1 to {MaxRecommendedOffices} is required.");
        }

        return input.RecommendOffices is { } recommend && input.MaxOffices is { } max ? new ReferralSettings(recommend, max) : null;
    }

    private static void Days(int? days, string field, ValidationErrors errors)
    {
        if (days is < 0 or > MaxDays)
        {
            errors.Add(field, $"The number of days must be from 0 to {MaxDays}.");
        }
    }

    private static void Forbid(TriageCriterionInput input, string field, ValidationErrors errors, params string[] properties)
    {
        foreach (var property in properties)
        {
            if (typeof(TriageCriterionInput).GetProperty(property)!.GetValue(input) is not null)
            {
                errors.Add($"{field}.{char.ToLowerInvariant(property[0])}{property[1..]}", $"Not a field of a '{input.Kind}' criterion.");
            }
        }
    }

    private static string? Slug(string? value, string field, ValidationErrors errors) =>
        Matching(value, field, SlugPattern(), "An id of 1 to 40 lowercase letters, digits and hyphens is required, e.g. 'means-test'.", errors);

    /// <summary>A required value through the text rule, then matched exactly (no change of case) against <paramref name="pattern"/>.</summary>
    private static string? Matching(string? value, string field, Regex pattern, string message, ValidationErrors errors)
    {
        var errorsBefore = errors.Count;
        var text = FieldRules.Text(value, field, int.MaxValue, errors);
        if (errors.Count > errorsBefore)
        {
            return null;
        }

        if (text is null || !pattern.IsMatch(text))
        {
            errors.Add(field, message);
            return null;
        }

        return text;
    }

    private static IReadOnlyList<string> Countries(List<string?>? values, string field, ValidationErrors errors)
    {
        var result = new List<string>();
        if (!FieldRules.WithinLimit(values, field, FieldLimits.PolicyList, errors))
        {
            return result;
        }

        for (var i = 0; i < values!.Count; i++)
        {
            var value = Matching(values[i], $"{field}[{i}]", FieldRules.CountryCode(), "An ISO 3166-1 alpha-2 country code in capitals, such as GT, is required.", errors);
            if (value is not null && !result.Contains(value))
            {
                result.Add(value);
            }
        }

        return result;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")]
    private static partial Regex SlugPattern();
}
