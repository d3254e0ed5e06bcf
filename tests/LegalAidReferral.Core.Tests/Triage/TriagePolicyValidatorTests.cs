using LegalAidReferral.Core.Triage;
using LegalAidReferral.Core.Triage.Input;

namespace LegalAidReferral.Core.Tests.Triage;

public class TriagePolicyValidatorTests
{
    [Fact]
    public void A_valid_policy_keeps_its_criteria_in_order_with_office_and_version()
    {
        var policy = TriageSamples.Policy();

        Assert.Equal(["in-guatemala", "served-localities", "mandate", "civil-means-test", "conflict"], policy.Criteria.Select(c => c.Id));
        Assert.Equal((TriageSamples.OfficeId, 1), (policy.OfficeId, policy.Version));
    }

    public static TheoryData<string, Func<TriagePolicyInput, TriagePolicyInput>> InvalidPolicies() => new()
    {
        { "criteria", p => p with { Criteria = [] } },
        { "criteria", p => p with { Criteria = [.. p.Criteria!.Where(c => c!.Kind != "conflict-of-interest")] } },
        { "criteria[0].kind", p => Change(p, 0, c => c with { Kind = "residence" }) },
        { "criteria[1].id", p => p with { Criteria = [p.Criteria![0], p.Criteria[0], .. p.Criteria.Skip(2)] } },
        { "criteria[0].countries[0]", p => Change(p, 0, c => c with { Countries = ["gt"] }) },
        { "criteria[0].currency", p => Change(p, 0, c => c with { Currency = "GTQ" }) },
        { "criteria[2].legalIssues", p => Change(p, 2, c => c with { LegalIssues = [] }) },
        { "criteria[3].thresholds[1]", p => Change(p, 3, c => c with { Thresholds = [1000m, 900m] }) },
        { "criteria[3].thresholds[0]", p => Change(p, 3, c => c with { Thresholds = [0m] }) },
        { "criteria[3].additionalMemberIncrement", p => Change(p, 3, c => c with { AdditionalMemberIncrement = -1m }) },
        { "criteria[3].waivedFor[0]", p => Change(p, 3, c => c with { WaivedFor = ["rich"] }) },
        { "priorityRules[0]", p => p with { PriorityRules = [new PriorityRuleInput { Id = "empty", Priority = "high" }] } },
        { "priorityRules[0].priority", p => p with { PriorityRules = [new PriorityRuleInput { Id = "lowering", Priority = "low", HearingWithinDays = 3 }] } },
        { "priorityRules[0].hearingWithinDays", p => p with { PriorityRules = [new PriorityRuleInput { Id = "far", Priority = "high", HearingWithinDays = 400 }] } },
        { "defaultPriority", p => p with { DefaultPriority = null } },
        { "referral.maxOffices", p => p with { Referral = new ReferralSettingsInput { RecommendOffices = true, MaxOffices = 0 } } },
    };

    [Fact]
    public void A_missing_criterion_or_rule_is_the_only_error_reported()
    {
        var input = TriageSamples.PolicyInput();

        var criteria = TriagePolicyValidator.Validate(input with { Criteria = [.. input.Criteria!, null] }, TriageSamples.OfficeId, 2, null, null);
        var rules = TriagePolicyValidator.Validate(input with { PriorityRules = [null, .. input.PriorityRules!] }, TriageSamples.OfficeId, 2, null, null);

        Assert.Equal(["criteria[5]"], criteria.Failure!.Errors!.Keys);
        Assert.Equal(["priorityRules[0]"], rules.Failure!.Errors!.Keys);
    }

    private static TriagePolicyInput Change(TriagePolicyInput policy, int index, Func<TriageCriterionInput, TriageCriterionInput> change) =>
        policy with { Criteria = [.. policy.Criteria!.Select((c, i) => i == index ? change(c!) : c)] };

    [Theory]
    [MemberData(nameof(InvalidPolicies))]
    public void An_invalid_policy_is_reported_at_the_field(string field, Func<TriagePolicyInput, TriagePolicyInput> spoil)
    {
        var result = TriagePolicyValidator.Validate(spoil(TriageSamples.PolicyInput()), TriageSamples.OfficeId, 2, null, null);

        Assert.False(result.IsSuccess);
        Assert.Contains(field, result.Failure!.Errors!.Keys);
    }
}
