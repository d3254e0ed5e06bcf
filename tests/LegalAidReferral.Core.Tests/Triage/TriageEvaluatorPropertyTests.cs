using FsCheck;
using FsCheck.Xunit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Core.Triage;
using static LegalAidReferral.Core.Tests.Triage.TriageSamples;

namespace LegalAidReferral.Core.Tests.Triage;

public class TriageEvaluatorPropertyTests
{
    private static readonly string?[] Countries = [null, "GT", "MX", "CR", "HN"];
    private static readonly string?[] Localities = [null, "Ciudad de Guatemala", "Mixco", "Quetzaltenango"];
    private static readonly string[] Currencies = ["GTQ", "USD"];

    [Property]
    public bool Evaluation_is_deterministic(int seed, int vulnerabilityBits, int issueBits, NonNegativeInt income, PositiveInt size, int days)
    {
        var details = Scenario(seed, vulnerabilityBits, issueBits, income.Get, size.Get, days);
        var conflict = ConflictOf(seed);

        var first = TriageEvaluator.Evaluate(Compiled, Network, details, conflict, Today);
        var second = TriageEvaluator.Evaluate(Compiled, Network, details, conflict, Today);

        return first.Decision == second.Decision
            && first.Priority == second.Priority
            && first.Criteria.SequenceEqual(second.Criteria)
            && first.PriorityReasons.SequenceEqual(second.PriorityReasons)
            && first.RecommendedOfficeIds.SequenceEqual(second.RecommendedOfficeIds);
    }

    [Property]
    public bool Adding_a_vulnerability_never_lowers_the_priority(int seed, int vulnerabilityBits, int issueBits, NonNegativeInt income, PositiveInt size, int days, byte added)
    {
        var details = Scenario(seed, vulnerabilityBits, issueBits, income.Get, size.Get, days);
        var vulnerability = (Vulnerability)(added % Enum.GetValues<Vulnerability>().Length);
        var more = details with { Vulnerabilities = [.. details.Vulnerabilities.Append(vulnerability).Distinct()] };

        var before = TriageEvaluator.Evaluate(Compiled, Network, details, ConflictOf(seed), Today).Priority;
        var after = TriageEvaluator.Evaluate(Compiled, Network, more, ConflictOf(seed), Today).Priority;

        // Priority values are ordered from critical (0) to low: "not lower" is "not greater".
        return after <= before;
    }

    [Property]
    public bool Raising_income_never_turns_not_eligible_into_eligible(int seed, int vulnerabilityBits, int issueBits, NonNegativeInt income, PositiveInt size, int days, PositiveInt raise)
    {
        var details = Scenario(seed, vulnerabilityBits, issueBits, income.Get, size.Get, days);
        var richer = details with { Household = details.Household! with { MonthlyIncome = details.Household.MonthlyIncome + raise.Get } };

        var before = TriageEvaluator.Evaluate(Compiled, Network, details, ConflictOf(seed), Today).Decision;
        var after = TriageEvaluator.Evaluate(Compiled, Network, richer, ConflictOf(seed), Today).Decision;

        return before != TriageDecision.NotEligible || after != TriageDecision.Eligible;
    }

    private static CaseDetails Scenario(int seed, int vulnerabilityBits, int issueBits, int income, int size, int days)
    {
        var random = new Random(seed);
        var vulnerabilities = Enum.GetValues<Vulnerability>().Where(v => (vulnerabilityBits & (1 << (int)v)) != 0).ToArray();
        var issues = Enum.GetValues<LegalIssueType>().Where(i => (issueBits & (1 << (int)i)) != 0).DefaultIfEmpty(LegalIssueType.Deportation).ToArray();
        var country = Countries[random.Next(Countries.Length)];
        var near = Math.Abs(days % 15) - 2;
        return Details(
            country: country,
            locality: Localities[random.Next(Localities.Length)],
            household: new Household(Math.Min(size, 50), income % 5000, Currencies[random.Next(Currencies.Length)]),
            vulnerabilities: vulnerabilities,
            issues: issues,
            hearingInDays: random.Next(2) == 0 ? near : null,
            detainedDaysAgo: random.Next(2) == 0 ? Math.Abs(near) : null,
            deadlineInDays: random.Next(2) == 0 ? near + 1 : null);
    }

    private static ConflictOutcome? ConflictOf(int seed) => (Math.Abs(seed) % 4) switch
    {
        0 => null,
        1 => ConflictOutcome.None,
        2 => ConflictOutcome.Potential,
        _ => ConflictOutcome.Confirmed,
    };
}
