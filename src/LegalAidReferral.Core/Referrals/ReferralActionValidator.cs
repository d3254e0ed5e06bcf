using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals.Input;

namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// Checks the body of one referral action: a note for any action; a reason code for decline (with a
/// written reason required for <see cref="DeclineReason.Other"/> and allowed for the rest); a written
/// reason for revoke; a defender for assign; successful (and, when not, a reason code of the receiving office's list)
/// for outcome. A field the action does not take is an error, so nothing sent is silently dropped.
/// </summary>
public static class ReferralActionValidator
{
    public const int MaxDefenderId = 128;

    /// <param name="notSuccessfulReasons">The receiving office's reason codes (its protocol settings).</param>
    public static Result<ReferralActionDetails> Validate(ReferralAction action, ReferralActionInput? input, IReadOnlyCollection<string> notSuccessfulReasons)
    {
        ArgumentNullException.ThrowIfNull(notSuccessfulReasons);
        var errors = new ValidationErrors();
        input ??= new ReferralActionInput();
        var note = FieldRules.Text(input.Note, "note", FieldLimits.LongText, errors, multiline: true);
        var code = Only(action == ReferralAction.Decline, input.ReasonCode, "reasonCode", action, errors) ? DeclineCode(input.ReasonCode, errors) : null;
        var takesReason = action is ReferralAction.Decline or ReferralAction.Revoke;
        var needsReason = action == ReferralAction.Revoke || code == DeclineReason.Other;
        var reason = Only(takesReason, input.Reason, "reason", action, errors)
            ? FieldRules.Text(input.Reason, "reason", FieldLimits.LongText, errors, required: needsReason, multiline: true)
            : null;
        var defenderId = Only(action == ReferralAction.Assign, input.DefenderId, "defenderId", action, errors)
            ? FieldRules.Text(input.DefenderId, "defenderId", MaxDefenderId, errors, required: true)
            : null;
        var outcome = action == ReferralAction.Outcome
            ? ValidateOutcome(input, notSuccessfulReasons, errors)
            : ForbidOutcome(input, action, errors);

        return errors.Any ? errors.ToFailure() : new ReferralActionDetails(note, reason, defenderId, outcome, code);
    }

    private static DeclineReason? DeclineCode(string? value, ValidationErrors errors)
    {
        if (value is null)
        {
            errors.Add("reasonCode", $"Required. Allowed values: {Kebab<DeclineReason>.Allowed}.");
            return null;
        }

        if (!Kebab<DeclineReason>.TryParse(value, out var code))
        {
            errors.Add("reasonCode", $"Unknown reason code. Allowed values: {Kebab<DeclineReason>.Allowed}.");
            return null;
        }

        return code;
    }

    private static ReferralOutcome? ValidateOutcome(ReferralActionInput input, IReadOnlyCollection<string> reasons, ValidationErrors errors)
    {
        if (input.Successful is not { } successful)
        {
            errors.Add("successful", "State whether the referral was successful (true or false).");
            return null;
        }

        if (successful)
        {
            if (input.ReasonNotSuccessful is not null)
            {
                errors.Add("reasonNotSuccessful", "A successful outcome has no reason for not succeeding.");
            }

            return new ReferralOutcome(true, null);
        }

        var code = FieldRules.Text(input.ReasonNotSuccessful, "reasonNotSuccessful", int.MaxValue, errors, required: true);
        if (code is not null && !reasons.Contains(code))
        {
            errors.Add("reasonNotSuccessful", $"Unknown reason. Allowed values: {string.Join(", ", reasons)}.");
            return null;
        }

        return code is null ? null : new ReferralOutcome(false, code);
    }

    private static ReferralOutcome? ForbidOutcome(ReferralActionInput input, ReferralAction action, ValidationErrors errors)
    {
        Only(false, input.Successful, "successful", action, errors);
        Only(false, input.ReasonNotSuccessful, "reasonNotSuccessful", action, errors);
        return null;
    }

    /// <summary>True when the action takes the field; else reports a value sent for it.</summary>
    private static bool Only(bool takes, object? value, string field, ReferralAction action, ValidationErrors errors)
    {
        if (!takes && value is not null)
        {
            errors.Add(field, $"Not a field of the '{Kebab<ReferralAction>.Name(action)}' action.");
        }

        return takes;
    }
}
