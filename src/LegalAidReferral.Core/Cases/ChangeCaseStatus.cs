using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Cases;

/// <summary>Moves a case to another status, as the transition table allows.</summary>
public sealed class ChangeCaseStatus(AccessPolicy access, CaseMutation mutation, CaseAuditor auditor, TimeProvider clock)
{
    public sealed record Command(Guid CaseId, string? To, string? Reason, ExpectedVersion? ExpectedVersion);

    public async Task<Result<Case>> HandleAsync(Command command, CallContext call, CancellationToken cancellationToken)
    {
        if (access.Admit(UseCase.ChangeCaseStatus, call.Caller) is { } denied)
        {
            return denied;
        }

        var errors = new ValidationErrors();
        var to = FieldRules.Enum<CaseStatus>(command.To, "to", errors);
        var reason = FieldRules.Text(command.Reason, "reason", FieldLimits.LongText, errors, multiline: true);
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var result = await mutation.ApplyAsync(
            UseCase.ChangeCaseStatus,
            call.Caller,
            command.CaseId,
            command.ExpectedVersion,
            current => current.TransitionTo(to!.Value, reason, call.Caller.Id, clock.GetUtcNow()),
            (before, after) => auditor.Entries(
                call, after.OfficeId, after.Id, AuditAction.CaseStatusChanged,
                $"status:{Kebab<CaseStatus>.Name(before.Status)}->{Kebab<CaseStatus>.Name(after.Status)}"),
            cancellationToken);
        return result.IsSuccess ? result.Value.After : result.Failure;
    }
}
