using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Cases;

/// <summary>Moves a case to another status, as the transition table allows.</summary>
public sealed class ChangeCaseStatus(CaseMutation mutation, CaseAuditor auditor, TimeProvider clock)
{
    public const int MaxReasonLength = 2000;

    public sealed record Command(Guid CaseId, string? To, string? Reason, string? IfMatch);

    public async Task<Result<Case>> HandleAsync(Command command, CallContext call, CancellationToken cancellationToken)
    {
        if (CaseAccess.Check(call.Actor) is { } denied)
        {
            return denied;
        }

        if (command.To is null)
        {
            return Failure.Invalid("to", $"The target status is required. Allowed values: {Kebab<CaseStatus>.Allowed}.");
        }

        if (!Kebab<CaseStatus>.TryParse(command.To, out var to))
        {
            return Failure.Invalid("to", $"Unknown value. Allowed values: {Kebab<CaseStatus>.Allowed}.");
        }

        if (command.Reason is { Length: > MaxReasonLength })
        {
            return Failure.Invalid("reason", $"At most {MaxReasonLength} characters are allowed.");
        }

        var result = await mutation.ApplyAsync(
            call.Actor.OfficeId,
            command.CaseId,
            command.IfMatch,
            current => current.TransitionTo(to, command.Reason, call.Actor.UserId, clock.GetUtcNow()),
            (before, after) => auditor.Entries(
                call, after.OfficeId, after.Id, AuditAction.CaseStatusChanged,
                $"status:{Kebab<CaseStatus>.Name(before.Status)}->{Kebab<CaseStatus>.Name(after.Status)}"),
            cancellationToken);
        return result.IsSuccess ? result.Value.After : result.Failure;
    }
}
