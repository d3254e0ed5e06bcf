using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Core.Triage;
using LegalAidReferral.Core.Triage.Input;
using static LegalAidReferral.Core.Tests.Triage.TriageSamples;

namespace LegalAidReferral.Core.Tests.Triage;

/// <summary>Which offices a referral recommends, how many, and in which order.</summary>
public class ReferralDirectoryTests
{
    // Listed out of order on purpose: recommendations come in id order.
    private static readonly ReferralDirectory Mexico = new(
    [
        Office("mx-c", "MX", true, LegalIssueType.Asylum),
        Office("mx-a", "MX", true, LegalIssueType.Asylum, LegalIssueType.Asylum),
        Office("mx-no-asylum", "MX", true, LegalIssueType.Labour),
        Office("mx-b", "MX", true, LegalIssueType.Deportation, LegalIssueType.Asylum),
        Office("mx-local-only", "MX", false, LegalIssueType.Asylum),
        Office("cr-a", "CR", true, LegalIssueType.Asylum),
        Office(OfficeId, "GT", true, LegalIssueType.Asylum),
    ]);

    private static IReadOnlyList<string> Recommended(int maxOffices)
    {
        var policy = PolicyInput() with { Referral = new ReferralSettingsInput { RecommendOffices = true, MaxOffices = maxOffices } };
        var details = Details(country: "MX", locality: null, issues: [LegalIssueType.Asylum]);
        var result = TriageEvaluator.Evaluate(new CompiledTriagePolicy(Policy(policy)), Mexico, details, ConflictOutcome.None, Today);
        Assert.Equal(TriageDecision.Refer, result.Decision);
        return result.RecommendedOfficeIds;
    }

    [Fact]
    public void Every_fitting_office_is_recommended_in_id_order_when_the_limit_allows()
    {
        Assert.Equal(["mx-a", "mx-b", "mx-c"], Recommended(maxOffices: 5));
    }

    [Fact]
    public void The_limit_keeps_the_first_offices_in_id_order()
    {
        Assert.Equal(["mx-a", "mx-b"], Recommended(maxOffices: 2));
        Assert.Equal(["mx-a"], Recommended(maxOffices: 1));
    }

    [Fact]
    public void The_limit_equal_to_the_fitting_offices_keeps_them_all()
    {
        Assert.Equal(["mx-a", "mx-b", "mx-c"], Recommended(maxOffices: 3));
    }

    [Fact]
    public void No_office_is_recommended_when_the_policy_turns_recommendations_off()
    {
        var policy = PolicyInput() with { Referral = new ReferralSettingsInput { RecommendOffices = false, MaxOffices = 3 } };

        var result = TriageEvaluator.Evaluate(
            new CompiledTriagePolicy(Policy(policy)), Mexico, Details(country: "MX", locality: null, issues: [LegalIssueType.Asylum]), ConflictOutcome.None, Today);

        Assert.Equal(TriageDecision.NotEligible, result.Decision);
        Assert.Empty(result.RecommendedOfficeIds);
    }

    [Fact]
    public void Offices_at_home_are_recommended_without_accepting_cross_border_referrals()
    {
        var home = new ReferralDirectory([Office("gt-b", "GT", false, LegalIssueType.Deportation), Office("gt-a", "GT", true, LegalIssueType.Deportation), Office(OfficeId, "GT", true, LegalIssueType.Deportation)]);

        var result = TriageEvaluator.Evaluate(Compiled, home, Details(), ConflictOutcome.Confirmed, Today);

        Assert.Equal(["gt-a", "gt-b"], result.RecommendedOfficeIds);
    }
}
