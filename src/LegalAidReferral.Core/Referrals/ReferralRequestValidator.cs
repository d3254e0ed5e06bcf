using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals.Input;

namespace LegalAidReferral.Core.Referrals;

/// <summary>A referral request whose every field passed <see cref="ReferralRequestValidator"/>.</summary>
/// <param name="OverrideReason">The supervisor's written reason to override the consent gate; null without an override.</param>
public sealed record ReferralRequest(
    string ToOfficeId,
    ReferralKind Kind,
    string? KindDescription,
    string Reason,
    IReadOnlyList<string> SharedFields,
    IReadOnlyList<string> DocumentIds,
    string? OverrideReason);

/// <summary>Checks the body of a new referral, reporting every invalid field by its JSON path.</summary>
public static class ReferralRequestValidator
{
    public const int MaxKindDescription = 200;
    public const int MaxDocuments = 20;

    public static Result<ReferralRequest> Validate(ReferralInput? input, string fromOfficeId)
    {
        var errors = new ValidationErrors();
        if (input is null)
        {
            errors.Add("$", "A JSON object with the referral is required.");
            return errors.ToFailure();
        }

        var toOfficeId = FieldRules.Text(input.ToOfficeId, "toOfficeId", FieldLimits.OfficeId, errors, required: true);
        if (toOfficeId == fromOfficeId)
        {
            errors.Add("toOfficeId", "A referral goes to another office than the case's own.");
        }

        var kind = FieldRules.Enum<ReferralKind>(input.Kind, "kind", errors);
        var description = FieldRules.Text(input.KindDescription, "kindDescription", MaxKindDescription, errors, required: kind == ReferralKind.Other);
        if (description is not null && kind is not null and not ReferralKind.Other)
        {
            errors.Add("kindDescription", "Only a referral of kind 'other' has a description of its kind.");
        }

        var reason = FieldRules.Text(input.Reason, "reason", FieldLimits.LongText, errors, required: true, multiline: true);
        var shared = ValidateSharedFields(input.SharedFields, errors);
        var documents = FieldRules.Texts(input.DocumentIds, "documentIds", MaxDocuments, FieldLimits.EvidenceDocumentId, errors);
        string? overrideReason = null;
        if (input.ConsentOverride is { } consentOverride)
        {
            overrideReason = FieldRules.Text(consentOverride.Reason, "consentOverride.reason", FieldLimits.LongText, errors, required: true, multiline: true);
        }

        if (errors.Any)
        {
            return errors.ToFailure();
        }

        return new ReferralRequest(toOfficeId!, kind!.Value, description, reason!, shared, documents.Distinct(StringComparer.Ordinal).ToArray(), overrideReason);
    }

    private static IReadOnlyList<string> ValidateSharedFields(List<string?>? input, ValidationErrors errors)
    {
        var result = new List<string>();
        if (input is null or { Count: 0 })
        {
            errors.Add("sharedFields", "List at least one case field to share, e.g. \"client.fullName\".");
            return result;
        }

        if (!FieldRules.WithinLimit(input, "sharedFields", SharedFields.Allowed.Count, errors))
        {
            return result;
        }

        for (var i = 0; i < input.Count; i++)
        {
            var field = $"sharedFields[{i}]";
            var errorsBefore = errors.Count;
            var path = FieldRules.Text(input[i], field, int.MaxValue, errors, required: true);
            if (errors.Count > errorsBefore)
            {
                continue;
            }

            if (!SharedFields.IsAllowed(path!))
            {
                errors.Add(field, $"Not a field a referral can share. Allowed: {string.Join(", ", SharedFields.Allowed)}.");
            }
            else if (!result.Contains(path!))
            {
                result.Add(path!);
            }
        }

        return result;
    }
}
