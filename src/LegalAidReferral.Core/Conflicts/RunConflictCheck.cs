using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Conflicts;

/// <summary>
/// Searches the office's clients and adverse parties for the case's client and adverse parties, and
/// keeps what it found on the case. Only the caller's office is searched.
/// </summary>
public sealed class RunConflictCheck(AccessPolicy access, CaseMutation mutation, IPartySearch parties, CaseAuditor auditor, TimeProvider clock)
{
    public sealed record Command(Guid CaseId, ExpectedVersion? ExpectedVersion);

    public sealed record Report(Case Case, IReadOnlyList<ConflictCandidate> Candidates);

    public async Task<Result<Report>> HandleAsync(Command command, CallContext call, CancellationToken cancellationToken)
    {
        if (access.Admit(UseCase.RunConflictCheck, call.Caller) is { } denied)
        {
            return denied;
        }

        IReadOnlyList<ConflictCandidate> candidates = [];
        var result = await mutation.ApplyAsync(
            UseCase.RunConflictCheck,
            call.Caller,
            command.CaseId,
            command.ExpectedVersion,
            async (current, token) =>
            {
                candidates = await SearchAsync(current, token);
                var hits = candidates.Select(c => new ConflictCheckHit(c.CaseId, c.Reference, c.Role, c.Score)).ToArray();
                return current.WithConflictCheck(hits, call.Caller.Id, clock.GetUtcNow());
            },
            (_, after) => AuditEntries(call, after, candidates),
            cancellationToken);
        return result.IsSuccess ? new Report(result.Value.After, candidates) : result.Failure;
    }

    // The candidates' names are shown to the caller, so their cases record that access too.
    private IReadOnlyList<AuditEntry> AuditEntries(CallContext call, Case checkedCase, IReadOnlyList<ConflictCandidate> candidates) =>
    [
        .. auditor.Entries(call, checkedCase.OfficeId, checkedCase.Id, AuditAction.ConflictChecked, "conflictCheck"),
        .. auditor.Entries(
            call, checkedCase.OfficeId, candidates.Select(c => c.CaseId).Distinct().ToArray(), AuditAction.ConflictCandidateShown, [$"conflict-check:{checkedCase.Id:D}"]),
    ];

    private async Task<ConflictCandidate[]> SearchAsync(Case checkedCase, CancellationToken cancellationToken)
    {
        var matches = new List<PartyMatch>();
        foreach (var query in PartyProfile.Of(checkedCase))
        {
            matches.AddRange(await parties.SearchAsync(checkedCase.OfficeId, query, checkedCase.Id, cancellationToken));
        }

        return PartySearch.Ranked(matches
                .GroupBy(m => (m.Candidate.CaseId, m.Candidate.Role, m.Candidate.Position))
                .Select(g => g.MaxBy(m => m.Score)!))
            .Take(PartySearch.MaxCandidates)
            .Select(m => new ConflictCandidate(
                m.Candidate.CaseId, m.Candidate.Reference, m.Candidate.Role, m.MatchedName, m.Score, m.Reasons, m.Query.Role, m.Query.Name))
            .ToArray();
    }
}
