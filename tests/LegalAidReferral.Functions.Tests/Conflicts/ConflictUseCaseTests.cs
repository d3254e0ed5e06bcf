using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Core.Conflicts.Input;
using LegalAidReferral.Functions.Tests.Cases;
using static LegalAidReferral.Functions.Tests.Cases.CoreUseCases;

namespace LegalAidReferral.Functions.Tests.Conflicts;

/// <summary>The conflict check and its outcome through Core's use cases, on the Functions app's storage.</summary>
public class ConflictUseCaseTests
{
    private static async Task<Result<RunConflictCheck.Report>> CheckAsync(FunctionHarness harness, Guid caseId, ExpectedVersion? ifMatch = null) =>
        await harness.Get<RunConflictCheck>().HandleAsync(new RunConflictCheck.Command(caseId, ifMatch), Defender, CancellationToken.None);

    private static async Task<Result<LegalAidReferral.Core.Cases.Case>> OutcomeAsync(FunctionHarness harness, Guid caseId, string? outcome, string? note = null) =>
        await harness.Get<RecordConflictOutcome>().HandleAsync(
            new RecordConflictOutcome.Command(caseId, new ConflictOutcomeInput { Outcome = outcome, Note = note }, null), Defender, CancellationToken.None);

    [Fact]
    public async Task The_check_finds_the_client_of_another_case_as_this_case_s_adverse_party_and_audits_both_cases()
    {
        await using var harness = await StartAsync();
        var client = await harness.CreateAsync("José Pérez García");
        var checkedCase = (await harness.IntakeAsync(Intake("Ana Gómez") with { AdverseParties = [new AdversePartyInput { Name = "José Pérez García" }] })).Value!.Case;

        var report = await CheckAsync(harness, checkedCase.Id, ifMatch: ExpectedVersion.OneOf(1));

        var candidate = Assert.Single(report.Value!.Candidates);
        Assert.Equal(
            (client.Id, client.Reference, PartyRole.Client, "José Pérez García", PartyRole.AdverseParty, "José Pérez García"),
            (candidate.CaseId, candidate.Reference, candidate.Role, candidate.Name, candidate.MatchedRole, candidate.MatchedName));

        // A name alone, however exact, reaches at most the document tier: only an identical document number ranks above it.
        Assert.Equal(PartyMatcher.DocumentTier, candidate.Score, 6);
        var check = report.Value.Case.ConflictCheck!;
        Assert.Equal((Now, "defender-1", 2L), (check.CheckedAt, check.CheckedBy, report.Value.Case.Version));
        Assert.Equal(client.Id, Assert.Single(check.Candidates).CaseId);
        Assert.Equal(["conflictCheck"], Assert.Single(await harness.HistoryAsync(checkedCase.Id), e => e.Action == AuditAction.ConflictChecked).Changes);
        Assert.Equal(
            [$"conflict-check:{checkedCase.Id:D}"],
            Assert.Single(await harness.HistoryAsync(client.Id), e => e.Action == AuditAction.ConflictCandidateShown).Changes);
    }

    [Fact]
    public async Task A_check_without_candidates_is_stored_empty_and_audits_only_the_checked_case()
    {
        await using var harness = await StartAsync();
        var other = await harness.CreateAsync("Cliente Sin Relación");
        var checkedCase = await harness.CreateAsync("Ana Gómez");

        var report = await CheckAsync(harness, checkedCase.Id);

        Assert.Empty(report.Value!.Candidates);
        Assert.Empty(report.Value.Case.ConflictCheck!.Candidates);
        Assert.DoesNotContain(await harness.HistoryAsync(other.Id), e => e.Action == AuditAction.ConflictCandidateShown);
    }

    [Fact]
    public async Task An_outcome_other_than_none_needs_a_note_and_the_outcome_is_stored_and_audited()
    {
        await using var harness = await StartAsync();
        var created = await harness.CreateAsync();
        var before = await OutcomeAsync(harness, created.Id, "none");
        await CheckAsync(harness, created.Id);

        var noNote = await OutcomeAsync(harness, created.Id, "potential");
        var unknown = await OutcomeAsync(harness, created.Id, "maybe");
        var none = await OutcomeAsync(harness, created.Id, "none");
        var confirmed = await OutcomeAsync(harness, created.Id, "confirmed", "Representa a la contraparte");

        Assert.Equal(FailureKind.InvalidTransition, before.Failure!.Kind);
        Assert.Equal(["note"], noNote.Failure!.Errors!.Keys);
        Assert.Equal(["outcome"], unknown.Failure!.Errors!.Keys);
        Assert.Equal(ConflictOutcome.None, none.Value!.ConflictOutcome);
        var check = confirmed.Value!.ConflictCheck!;
        Assert.Equal((ConflictOutcome.Confirmed, "Representa a la contraparte", Now, "defender-1"), (check.Outcome, check.Note, check.OutcomeAt, check.OutcomeBy));
        Assert.Equal(ConflictOutcome.Confirmed, confirmed.Value.ConflictOutcome);
        Assert.Contains(
            await harness.HistoryAsync(created.Id),
            e => e.Action == AuditAction.ConflictOutcomeRecorded && e.Changes.SequenceEqual(["conflict-outcome:confirmed"]));
    }
}
