using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Offices;

namespace LegalAidReferral.Core.Triage;

/// <summary>Evaluates a case against its office's current policy and stores the result on the case.</summary>
public sealed class RunTriage(
    AccessPolicy access, CaseMutation mutation, ITriagePolicyStore policies, IOfficeDirectory offices, CaseAuditor auditor, TimeProvider clock)
{
    public sealed record Command(Guid CaseId, ExpectedVersion? ExpectedVersion);

    public async Task<Result<Case>> HandleAsync(Command command, CallContext call, CancellationToken cancellationToken)
    {
        if (access.Admit(UseCase.RunTriage, call.Caller) is { } denied)
        {
            return denied;
        }

        var officeId = call.Caller.OfficeId;
        if (await policies.FindCurrentAsync(officeId, cancellationToken) is not { } policy)
        {
            return new Failure(FailureKind.Conflict, "Your office has no triage policy yet. An office admin sets it with PUT /api/offices/{officeId}/policy.");
        }

        var all = await offices.ListAsync(cancellationToken);
        var directory = new ReferralDirectory(all);
        var compiled = new CompiledTriagePolicy(policy);
        var today = TodayAt(all.FirstOrDefault(o => o.Id == officeId));

        var result = await mutation.ApplyAsync(UseCase.RunTriage, call.Caller, command.CaseId, command.ExpectedVersion, current =>
        {
            var evaluation = TriageEvaluator.Evaluate(compiled, directory, current.Details, current.ConflictOutcome, today);
            var now = clock.GetUtcNow();
            var stored = TriageResult.Of(evaluation, policy, now, call.Caller.Id, TriageInputs.Fingerprint(current.Details, current.ConflictOutcome));
            return current.WithTriage(stored, call.Caller.Id, now);
        }, (before, after) => auditor.Entries(call, after.OfficeId, after.Id, AuditAction.CaseTriaged, Changes(before, after)), cancellationToken);
        return result.IsSuccess ? result.Value.After : result.Failure;
    }

    private static IReadOnlyList<string> Changes(Case before, Case after) =>
        before.Status == after.Status
            ? ["triage"]
            : ["triage", $"status:{Kebab<CaseStatus>.Name(before.Status)}->{Kebab<CaseStatus>.Name(after.Status)}"];

    /// <summary>Today in the office's time zone: "a hearing within 7 days" counts the office's calendar days.</summary>
    private DateOnly TodayAt(Office? office)
    {
        var now = clock.GetUtcNow();
        var local = office is null ? now : TimeZoneInfo.ConvertTimeBySystemTimeZoneId(now, office.TimeZone);
        return DateOnly.FromDateTime(local.DateTime);
    }
}
