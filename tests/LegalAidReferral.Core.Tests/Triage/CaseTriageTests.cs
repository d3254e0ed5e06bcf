using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Core.Tests.Cases;
using LegalAidReferral.Core.Triage;

namespace LegalAidReferral.Core.Tests.Triage;

public class CaseTriageTests
{
    private static TriageResult ResultFor(Case c, TriageDecision decision = TriageDecision.Eligible, Priority priority = Priority.High) =>
        new(decision, priority, [], [], [], "gt-idpp-guatemala", 1, CaseSamples.Now, "defender-1", TriageInputs.Fingerprint(c.Details, c.ConflictOutcome));

    [Fact]
    public void Triage_from_intake_moves_the_case_to_triaged_and_records_the_move()
    {
        var c = CaseSamples.NewCase();

        var triaged = c.WithTriage(ResultFor(c), "defender-1", CaseSamples.Now).Value!;

        Assert.Equal(CaseStatus.Triaged, triaged.Status);
        Assert.Equal(new StatusChange(CaseStatus.Intake, CaseStatus.Triaged, CaseSamples.Now, "defender-1", null), triaged.StatusHistory.Single());
        Assert.Equal(Priority.High, triaged.Priority);
        Assert.Equal(c.Version + 1, triaged.Version);
    }

    [Fact]
    public void Triage_of_a_triaged_case_re_evaluates_without_a_move()
    {
        var c = CaseSamples.NewCase(CaseStatus.Triaged);

        var again = c.WithTriage(ResultFor(c), "defender-1", CaseSamples.Now).Value!;

        Assert.Equal(CaseStatus.Triaged, again.Status);
        Assert.Empty(again.StatusHistory);
    }

    [Theory]
    [InlineData(CaseStatus.Open)]
    [InlineData(CaseStatus.NotEligible)]
    [InlineData(CaseStatus.ReferredOut)]
    [InlineData(CaseStatus.Closed)]
    public void Triage_elsewhere_is_an_invalid_transition(CaseStatus status)
    {
        var c = CaseSamples.NewCase(status);

        Assert.Equal(FailureKind.InvalidTransition, c.WithTriage(ResultFor(c), "defender-1", CaseSamples.Now).Failure!.Kind);
    }

    [Fact]
    public void Editing_data_triage_depends_on_makes_the_result_stale_and_editing_it_back_current()
    {
        var c = CaseSamples.NewCase().WithTriage(ResultFor(CaseSamples.NewCase()), "d", CaseSamples.Now).Value!;
        var original = c.Details;

        var moved = c.WithDetails(original with { Client = original.Client with { CurrentLocation = new Location("MX", "Tapachula") } }, CaseSamples.Now);
        var back = moved.WithDetails(original, CaseSamples.Now);

        Assert.True(moved.Triage!.Stale);
        Assert.False(back.Triage!.Stale);
    }

    [Fact]
    public void Recording_a_different_conflict_outcome_makes_the_result_stale()
    {
        var checkedCase = CaseSamples.NewCase().WithConflictCheck([], "d", CaseSamples.Now);
        var triaged = checkedCase.WithTriage(ResultFor(checkedCase), "d", CaseSamples.Now).Value!;

        var confirmed = triaged.WithConflictOutcome(ConflictOutcome.Confirmed, "Same adverse party", "s", CaseSamples.Now).Value!;

        Assert.False(triaged.Triage!.Stale);
        Assert.True(confirmed.Triage!.Stale);
    }

    [Fact]
    public void Editing_data_triage_does_not_read_keeps_the_result_current()
    {
        var c = CaseSamples.NewCase().WithTriage(ResultFor(CaseSamples.NewCase()), "d", CaseSamples.Now).Value!;

        var renamed = c.WithDetails(c.Details with { Client = c.Details.Client with { FullName = "Otro Nombre" } }, CaseSamples.Now);

        Assert.False(renamed.Triage!.Stale);
    }

    [Fact]
    public void A_different_conflict_outcome_gives_a_different_fingerprint() =>
        Assert.NotEqual(
            TriageInputs.Fingerprint(CaseSamples.ValidDetails(), ConflictOutcome.None),
            TriageInputs.Fingerprint(CaseSamples.ValidDetails(), ConflictOutcome.Confirmed));

    [Fact]
    public void An_override_keeps_the_evaluated_result_and_sets_the_effective_priority()
    {
        var c = CaseSamples.NewCase().WithTriage(ResultFor(CaseSamples.NewCase(), TriageDecision.NotEligible, Priority.Normal), "d", CaseSamples.Now).Value!;

        var overridden = c.WithTriageOverride(new TriageOverride(TriageDecision.Eligible, Priority.Critical, "Hearing moved forward", "sup-1", CaseSamples.Now), CaseSamples.Now).Value!;

        Assert.Equal((TriageDecision.NotEligible, Priority.Normal), (overridden.Triage!.Decision, overridden.Triage.Priority));
        Assert.Equal((TriageDecision.Eligible, Priority.Critical), (overridden.Triage.EffectiveDecision, overridden.Triage.EffectivePriority));
        Assert.Equal(Priority.Critical, overridden.Priority);
    }

    [Fact]
    public void Overriding_without_a_triage_result_is_refused() =>
        Assert.Equal(
            FailureKind.InvalidTransition,
            CaseSamples.NewCase(CaseStatus.Triaged).WithTriageOverride(new TriageOverride(TriageDecision.Eligible, Priority.High, "r", "s", CaseSamples.Now), CaseSamples.Now).Failure!.Kind);
}
