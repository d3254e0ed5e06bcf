using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Conflicts.Input;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Conflicts;

/// <summary>
/// Records what staff concluded from the case's conflict check: no conflict, a potential one that
/// needs review, or a confirmed one. Any conclusion but "none" needs a note saying why.
/// </summary>
public sealed class RecordConflictOutcome(AccessPolicy access, CaseMutation mutation, CaseAuditor auditor, TimeProvider clock)
{
    public sealed record Command(Guid CaseId, ConflictOutcomeInput Input, ExpectedVersion? ExpectedVersion);

    public async Task<Result<Case>> HandleAsync(Command command, CallContext call, CancellationToken cancellationToken)
    {
        if (access.Admit(UseCase.RecordConflictOutcome, call.Caller) is { } denied)
        {
            return denied;
        }

        var errors = new ValidationErrors();
        var input = command.Input;
        var outcome = FieldRules.Enum<ConflictOutcome>(input.Outcome, "outcome", errors);

        var errorsBefore = errors.Count;
        var note = FieldRules.Text(input.Note, "note", FieldLimits.LongText, errors, multiline: true);
        if (note is null && errors.Count == errorsBefore && outcome is not (null or ConflictOutcome.None))
        {
            errors.Add("note", "Say why: a note is required for a potential or confirmed conflict.");
        }

        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var result = await mutation.ApplyAsync(
            UseCase.RecordConflictOutcome,
            call.Caller,
            command.CaseId,
            command.ExpectedVersion,
            current => current.WithConflictOutcome(outcome!.Value, note, call.Caller.Id, clock.GetUtcNow()),
            (_, after) => auditor.Entries(
                call, after.OfficeId, after.Id, AuditAction.ConflictOutcomeRecorded, $"conflict-outcome:{Kebab<ConflictOutcome>.Name(outcome!.Value)}"),
            cancellationToken);
        return result.IsSuccess ? result.Value.After : result.Failure;
    }
}
