using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Triage.Input;

namespace LegalAidReferral.Core.Triage;

/// <summary>A supervisor replaces the triage decision with a written reason; the evaluated result stays visible.</summary>
public sealed class OverrideTriage(AccessPolicy access, CaseMutation mutation, CaseAuditor auditor, TimeProvider clock)
{
    public sealed record Command(Guid CaseId, TriageOverrideInput Input, ExpectedVersion? ExpectedVersion);

    public async Task<Result<Case>> HandleAsync(Command command, CallContext call, CancellationToken cancellationToken)
    {
        if (access.Admit(UseCase.OverrideTriage, call.Caller) is { } denied)
        {
            return denied;
        }

        var errors = new ValidationErrors();
        var input = command.Input;
        var decision = FieldRules.Enum<TriageDecision>(input.Decision, "decision", errors);
        var priority = FieldRules.Enum<Priority>(input.Priority, "priority", errors, required: false);

        var errorsBefore = errors.Count;
        var reason = FieldRules.Text(input.Reason, "reason", FieldLimits.LongText, errors, multiline: true);
        if (reason is null && errors.Count == errorsBefore)
        {
            errors.Add("reason", "A written reason is required to override a triage result.");
        }

        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var result = await mutation.ApplyAsync(UseCase.OverrideTriage, call.Caller, command.CaseId, command.ExpectedVersion, current =>
        {
            var now = clock.GetUtcNow();
            var chosen = priority ?? current.Triage?.Priority ?? Priority.Normal;
            return current.WithTriageOverride(new TriageOverride(decision!.Value, chosen, reason!, call.Caller.Id, now), now);
        }, (_, after) => auditor.Entries(call, after.OfficeId, after.Id, AuditAction.TriageOverridden, "triage.override"), cancellationToken);
        return result.IsSuccess ? result.Value.After : result.Failure;
    }
}
