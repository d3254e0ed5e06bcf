using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Triage.Input;

namespace LegalAidReferral.Core.Triage;

/// <summary>A supervisor replaces the triage decision with a written reason; the evaluated result stays visible.</summary>
public sealed class OverrideTriage(CaseMutation mutation, CaseAuditor auditor, TimeProvider clock)
{
    public const int MaxReasonLength = 2000;

    public sealed record Command(Guid CaseId, TriageOverrideInput Input, string? IfMatch);

    public async Task<Result<Case>> HandleAsync(Command command, CallContext call, CancellationToken cancellationToken)
    {
        if (CaseAccess.Check(call.Actor) is { } denied)
        {
            return denied;
        }

        if (!call.Actor.HasAny(Role.Supervisor))
        {
            return Failure.Forbidden("Only a supervisor can override a triage result.");
        }

        var errors = new ValidationErrors();
        var input = command.Input;
        var decision = FieldRules.Enum<TriageDecision>(input.Decision, "decision", errors);
        var priority = FieldRules.Enum<Priority>(input.Priority, "priority", errors, required: false);

        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            errors.Add("reason", "A written reason is required to override a triage result.");
        }
        else if (reason.Length > MaxReasonLength)
        {
            errors.Add("reason", $"At most {MaxReasonLength} characters are allowed.");
        }

        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var result = await mutation.ApplyAsync(call.Actor.OfficeId, command.CaseId, command.IfMatch, current =>
        {
            var now = clock.GetUtcNow();
            var chosen = priority ?? current.Triage?.Priority ?? Priority.Normal;
            return current.WithTriageOverride(new TriageOverride(decision!.Value, chosen, reason!, call.Actor.UserId, now), now);
        }, (_, after) => auditor.Entries(call, after.OfficeId, after.Id, AuditAction.TriageOverridden, "triage.override"), cancellationToken);
        return result.IsSuccess ? result.Value.After : result.Failure;
    }
}
