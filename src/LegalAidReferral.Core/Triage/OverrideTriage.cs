using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Triage.Input;

namespace LegalAidReferral.Core.Triage;

/// <summary>A supervisor replaces the triage decision with a written reason; the evaluated result stays visible.</summary>
public sealed class OverrideTriage(CaseMutation mutation, CaseAuditor auditor, TimeProvider clock)
{
    public sealed record Command(Guid CaseId, TriageOverrideInput Input, ExpectedVersion? ExpectedVersion);

    /// <summary>Who may override: a supervisor (who also works on cases).</summary>
    public static Failure? Access(Actor actor) =>
        CaseAccess.Check(actor) ?? (actor.HasAny(Role.Supervisor) ? null : Failure.Forbidden("Only a supervisor can override a triage result."));

    public async Task<Result<Case>> HandleAsync(Command command, CallContext call, CancellationToken cancellationToken)
    {
        if (Access(call.Actor) is { } denied)
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

        var result = await mutation.ApplyAsync(call.Actor.OfficeId, command.CaseId, command.ExpectedVersion, current =>
        {
            var now = clock.GetUtcNow();
            var chosen = priority ?? current.Triage?.Priority ?? Priority.Normal;
            return current.WithTriageOverride(new TriageOverride(decision!.Value, chosen, reason!, call.Actor.UserId, now), now);
        }, (_, after) => auditor.Entries(call, after.OfficeId, after.Id, AuditAction.TriageOverridden, "triage.override"), cancellationToken);
        return result.IsSuccess ? result.Value.After : result.Failure;
    }
}
