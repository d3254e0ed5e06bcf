using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Triage;
using LegalAidReferral.Core.Triage.Input;

namespace LegalAidReferral.Core.Tests.Triage;

/// <summary>Every limit of a triage policy, at its edge: the limit is accepted and one more is not.</summary>
public class TriagePolicyLimitsTests
{
    private static TriagePolicyInput Valid => TriageSamples.PolicyInput();

    private static TriagePolicyInput Change(int index, Func<TriageCriterionInput, TriageCriterionInput> change) =>
        Valid with { Criteria = [.. Valid.Criteria!.Select((c, i) => i == index ? change(c!) : c)] };

    private static List<string?> Distinct(int count, Func<int, string> name) => Enumerable.Range(0, count).Select(i => (string?)name(i)).ToList();

    private static List<string?> Many(int count, string value) => Enumerable.Repeat<string?>(value, count).ToList();

    public static TheoryData<string, int, Func<int, TriagePolicyInput>> Limits() => new()
    {
        { "description", FieldLimits.PolicyDescription, n => Valid with { Description = new string('d', n) } },
        {
            "criteria", TriagePolicyValidator.MaxCriteria, n => Valid with
            {
                Criteria = [.. Distinct(n - 1, i => $"mandate-{i}").Select(id => new TriageCriterionInput { Id = id, Kind = "mandate", LegalIssues = ["asylum"] }),
                    new TriageCriterionInput { Id = "conflict", Kind = "conflict-of-interest" }],
            }
        },
        { "criteria[0].id", 40, n => Change(0, c => c with { Id = new string('a', n) }) },
        { "criteria[0].countries", FieldLimits.PolicyList, n => Change(0, c => c with { Countries = Many(n, "GT") }) },
        { "criteria[1].localities", FieldLimits.PolicyList, n => Change(1, c => c with { Localities = Distinct(n, i => $"Zona {i}") }) },
        { "criteria[1].localities[0]", FieldLimits.Locality, n => Change(1, c => c with { Localities = [new string('l', n)] }) },
        { "criteria[2].legalIssues", FieldLimits.PolicyList, n => Change(2, c => c with { LegalIssues = Many(n, "asylum") }) },
        { "criteria[3].thresholds", TriagePolicyValidator.MaxThresholds, n => Change(3, c => c with { Thresholds = Enumerable.Range(1, n).Select(i => i * 100m).ToList() }) },
        { "criteria[3].waivedFor", FieldLimits.PolicyList, n => Change(3, c => c with { WaivedFor = Many(n, "child") }) },
        { "criteria[3].appliesToLegalIssues", FieldLimits.PolicyList, n => Change(3, c => c with { AppliesToLegalIssues = Many(n, "asylum") }) },
        {
            "priorityRules", TriagePolicyValidator.MaxPriorityRules,
            n => Valid with { PriorityRules = Distinct(n, i => $"rule-{i}").Select(id => (PriorityRuleInput?)new PriorityRuleInput { Id = id, Priority = "high", HearingWithinDays = 1 }).ToList() }
        },
        { "priorityRules[0].anyVulnerability", FieldLimits.PolicyList, n => Valid with { PriorityRules = [new PriorityRuleInput { Id = "r", Priority = "high", AnyVulnerability = Many(n, "child") }] } },
        { "priorityRules[0].hearingWithinDays", TriagePolicyValidator.MaxDays, n => Valid with { PriorityRules = [new PriorityRuleInput { Id = "r", Priority = "high", HearingWithinDays = n }] } },
        { "priorityRules[0].detainedWithinDays", TriagePolicyValidator.MaxDays, n => Valid with { PriorityRules = [new PriorityRuleInput { Id = "r", Priority = "high", DetainedWithinDays = n }] } },
        { "priorityRules[0].deadlineWithinDays", TriagePolicyValidator.MaxDays, n => Valid with { PriorityRules = [new PriorityRuleInput { Id = "r", Priority = "high", DeadlineWithinDays = n }] } },
        { "referral.maxOffices", TriagePolicyValidator.MaxRecommendedOffices, n => Valid with { Referral = new ReferralSettingsInput { RecommendOffices = true, MaxOffices = n } } },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void A_limit_is_accepted_and_one_more_is_reported_at_the_field(string field, int limit, Func<int, TriagePolicyInput> build)
    {
        var atLimit = TriagePolicyValidator.Validate(build(limit), TriageSamples.OfficeId, 2, null, null);
        var over = TriagePolicyValidator.Validate(build(limit + 1), TriageSamples.OfficeId, 2, null, null);

        Assert.True(atLimit.IsSuccess, $"{field} at {limit}: {string.Join("; ", atLimit.Failure?.Errors?.Select(e => $"{e.Key}: {string.Join(' ', e.Value)}") ?? [])}");
        Assert.False(over.IsSuccess);
        Assert.Equal([field], over.Failure!.Errors!.Keys);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-1, false)]
    public void Days_start_at_zero(int days, bool valid)
    {
        var policy = Valid with { PriorityRules = [new PriorityRuleInput { Id = "r", Priority = "high", HearingWithinDays = days }] };

        Assert.Equal(valid, TriagePolicyValidator.Validate(policy, TriageSamples.OfficeId, 2, null, null).IsSuccess);
    }

    [Fact]
    public void Text_fields_of_a_policy_go_through_the_text_rule()
    {
        var policy = Change(1, c => c with { Id = "served\n", Localities = ["Mixco\u0000"] }) with { Description = "Policy \u202E" };

        var errors = TriagePolicyValidator.Validate(policy, TriageSamples.OfficeId, 2, null, null).Failure!.Errors!;

        Assert.Equal(["criteria[1].id", "criteria[1].localities[0]", "description"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
