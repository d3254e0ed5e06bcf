using System.Text.Json;
using System.Text.Json.Nodes;
using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Cases;

/// <summary>Corrects a case's details with a JSON Merge Patch, guarded by the version the caller read.</summary>
public sealed class UpdateCase(AccessPolicy access, CaseMutation mutation, CaseAuditor auditor, TimeProvider clock)
{
    public sealed record Command(Guid CaseId, JsonObject Patch, ExpectedVersion ExpectedVersion);

    public async Task<Result<Case>> HandleAsync(Command command, CallContext call, CancellationToken cancellationToken)
    {
        if (access.Admit(UseCase.UpdateCase, call.Caller) is { } denied)
        {
            return denied;
        }

        IReadOnlyList<string> changes = [];
        var result = await mutation.ApplyAsync(UseCase.UpdateCase, call.Caller, command.CaseId, command.ExpectedVersion, current =>
        {
            var before = JsonSerializer.SerializeToNode(current.Details, WireJson.Options);
            var after = JsonMergePatch.Apply(before, command.Patch);
            var patched = JsonSerializer.SerializeToElement(after, WireJson.Options);
            var shape = JsonShape.Check(patched, typeof(CaseDetailsInput), WireJson.StrictInput);
            if (shape.Any)
            {
                return shape.ToFailure();
            }

            var input = patched.Deserialize<CaseDetailsInput>(WireJson.StrictInput);

            var now = clock.GetUtcNow();
            var details = CaseDetailsValidator.Validate(input, DateOnly.FromDateTime(now.UtcDateTime));
            if (!details.IsSuccess)
            {
                return details.Failure;
            }

            changes = JsonMergePatch.ChangedPaths(before, JsonSerializer.SerializeToNode(details.Value, WireJson.Options));
            return changes.Count == 0 ? current : current.WithDetails(details.Value, now);
        }, (_, after) => auditor.Entries(call, after.OfficeId, after.Id, AuditAction.CaseUpdated, changes), cancellationToken);

        if (!result.IsSuccess)
        {
            return result.Failure;
        }

        return result.Value.After;
    }
}
