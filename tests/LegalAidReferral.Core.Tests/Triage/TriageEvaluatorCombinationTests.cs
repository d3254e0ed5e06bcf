using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Core.Triage;
using LegalAidReferral.Core.Triage.Input;
using static LegalAidReferral.Core.Tests.Triage.TriageSamples;

namespace LegalAidReferral.Core.Tests.Triage;

/// <summary>
/// The evaluator where several things hold at once: two failing criteria of one kind, a legal issue
/// or vulnerability listed twice, several deadlines, several matching priority rules.
/// </summary>
public class TriageEvaluatorCombinationTests
{
    private static TriageEvaluation Evaluate(TriagePolicyInput policy, CaseDetails details, ConflictOutcome? conflict = ConflictOutcome.None) =>
        TriageEvaluator.Evaluate(new CompiledTriagePolicy(Policy(policy)), Network, details, conflict, Today);

    private static TriagePolicyInput WithCriterion(TriageCriterionInput criterion) =>
        PolicyInput() with { Criteria = [.. PolicyInput().Criteria!, criterion] };

    private static TriagePolicyInput WithRules(params PriorityRuleInput[] rules) => PolicyInput() with { PriorityRules = [.. rules] };

    private static Explanation Reason(string code, Priority priority, Vulnerability? vulnerability = null, int? days = null) =>
        new(code, new ExplanationArguments { Priority = priority, Vulnerability = vulnerability, Days = days });

    [Fact]
    public void Two_failed_means_tests_make_the_case_not_eligible()
    {
        var policy = WithCriterion(new TriageCriterionInput
        {
            Id = "strict-means-test", Kind = "means-test", Currency = "GTQ", Thresholds = [500m, 700m, 900m], AdditionalMemberIncrement = 100m,
        });

        var result = Evaluate(policy, Details(household: new Household(3, 5000m, "GTQ")));

        Assert.Equal(TriageDecision.NotEligible, result.Decision);
        Assert.Equal(
            [CriterionStatus.Failed, CriterionStatus.Failed],
            result.Criteria.Where(c => c.Kind == TriageCriterionKind.MeansTest).Select(c => c.Status));
    }

    [Fact]
    public void Two_confirmed_conflict_criteria_refer_the_case()
    {
        var policy = WithCriterion(new TriageCriterionInput { Id = "conflict-again", Kind = "conflict-of-interest" });

        var result = Evaluate(policy, Details(), ConflictOutcome.Confirmed);

        Assert.Equal(TriageDecision.Refer, result.Decision);
        Assert.Equal(["gt-idpp-quetzaltenango"], result.RecommendedOfficeIds);
    }

    [Fact]
    public void Two_criteria_needing_information_need_information()
    {
        var policy = WithCriterion(new TriageCriterionInput { Id = "conflict-again", Kind = "conflict-of-interest" });

        Assert.Equal(TriageDecision.NeedsInformation, Evaluate(policy, Details(), ConflictOutcome.Potential).Decision);
    }

    [Fact]
    public void A_legal_issue_listed_twice_is_still_within_the_mandate()
    {
        var result = Evaluate(PolicyInput(), Details(issues: [LegalIssueType.Deportation, LegalIssueType.Deportation]));

        Assert.Equal(TriageDecision.Eligible, result.Decision);
        Assert.Equal(CriterionStatus.Passed, result.Criteria.Single(c => c.CriterionId == "mandate").Status);
        Assert.Equal(CriterionStatus.Passed, result.Criteria.Single(c => c.CriterionId == "civil-means-test").Status);
    }

    [Fact]
    public void A_vulnerability_listed_twice_still_raises_the_priority()
    {
        var result = Evaluate(PolicyInput(), Details(vulnerabilities: [Vulnerability.Detained, Vulnerability.Detained], hearingInDays: 2));

        Assert.Equal(Priority.Critical, result.Priority);
    }

    [Fact]
    public void Two_deadlines_within_the_window_raise_the_priority()
    {
        var details = Details() with
        {
            KeyDates = new KeyDates(null, null, [new LegalDeadline(Today.AddDays(1), "appeal"), new LegalDeadline(Today.AddDays(2), "filing")]),
        };

        Assert.Equal(Priority.High, Evaluate(PolicyInput(), details).Priority);
    }

    [Fact]
    public void One_deadline_within_the_window_is_enough_whatever_its_place()
    {
        var details = Details() with
        {
            KeyDates = new KeyDates(null, null, [new LegalDeadline(Today.AddDays(2), "appeal"), new LegalDeadline(Today.AddDays(30), "filing")]),
        };

        Assert.Equal(Priority.High, Evaluate(PolicyInput(), details).Priority);
    }

    [Fact]
    public void Of_two_matching_rules_the_higher_priority_wins_even_when_listed_later()
    {
        var policy = WithRules(
            new PriorityRuleInput { Id = "deadline-soon", Priority = "high", DeadlineWithinDays = 5 },
            new PriorityRuleInput { Id = "detained-hearing-soon", Priority = "critical", AnyVulnerability = ["detained"], HearingWithinDays = 7 });

        var result = Evaluate(policy, Details(vulnerabilities: [Vulnerability.Detained], hearingInDays: 3, deadlineInDays: 1));

        Assert.Equal(Priority.Critical, result.Priority);
        Assert.Equal(
            [
                Reason(ExplanationCodes.PriorityVulnerability, Priority.Critical, vulnerability: Vulnerability.Detained),
                Reason(ExplanationCodes.PriorityHearingWithin, Priority.Critical, days: 7),
            ],
            result.PriorityReasons);
    }

    [Fact]
    public void Of_two_matching_rules_of_equal_priority_the_first_listed_gives_the_reasons()
    {
        var result = Evaluate(PolicyInput(), Details(vulnerabilities: [Vulnerability.UnaccompaniedMinor], deadlineInDays: 1));

        Assert.Equal(Priority.High, result.Priority);
        Assert.Equal([Reason(ExplanationCodes.PriorityVulnerability, Priority.High, vulnerability: Vulnerability.UnaccompaniedMinor)], result.PriorityReasons);
    }

    [Fact]
    public void A_rule_with_every_condition_gives_one_reason_per_condition_in_order()
    {
        var policy = WithRules(new PriorityRuleInput
        {
            Id = "everything", Priority = "critical", AnyVulnerability = ["pregnant", "detained"], HearingWithinDays = 7, DetainedWithinDays = 3, DeadlineWithinDays = 5,
        });

        var result = Evaluate(policy, Details(vulnerabilities: [Vulnerability.Detained], hearingInDays: 7, detainedDaysAgo: 3, deadlineInDays: 5));

        Assert.Equal(Priority.Critical, result.Priority);
        Assert.Equal(
            [
                Reason(ExplanationCodes.PriorityVulnerability, Priority.Critical, vulnerability: Vulnerability.Detained),
                Reason(ExplanationCodes.PriorityHearingWithin, Priority.Critical, days: 7),
                Reason(ExplanationCodes.PriorityDetainedWithin, Priority.Critical, days: 3),
                Reason(ExplanationCodes.PriorityDeadlineWithin, Priority.Critical, days: 5),
            ],
            result.PriorityReasons);
    }

    [Fact]
    public void No_matching_rule_gives_the_default_priority_and_its_reason()
    {
        var result = Evaluate(PolicyInput() with { DefaultPriority = "low" }, Details());

        Assert.Equal(Priority.Low, result.Priority);
        Assert.Equal([Reason(ExplanationCodes.PriorityDefault, Priority.Low)], result.PriorityReasons);
    }
}
