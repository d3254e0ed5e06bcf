using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Core.Triage;
using static LegalAidReferral.Core.Tests.Triage.TriageSamples;
using C = LegalAidReferral.Core.Triage.ExplanationCodes;
using S = LegalAidReferral.Core.Triage.CriterionStatus;

namespace LegalAidReferral.Core.Tests.Triage;

/// <summary>
/// The evaluator against the sample policy, one row per situation: every criterion, each waiver,
/// missing data, the threshold boundaries for each household size, each priority rule and referral.
/// </summary>
public class TriageEvaluatorTableTests
{
    private const TriageDecision Eligible = TriageDecision.Eligible;
    private const TriageDecision NotEligible = TriageDecision.NotEligible;
    private const TriageDecision Refer = TriageDecision.Refer;
    private const TriageDecision NeedsInformation = TriageDecision.NeedsInformation;

    private static readonly Row[] Rows =
    [
        // Jurisdiction
        new("base case in the capital is eligible", Details(), ConflictOutcome.None, Eligible, Priority.Normal, ("in-guatemala", S.Passed, C.JurisdictionServed)),
        new("no location needs information", Details(country: null), ConflictOutcome.None, NeedsInformation, Priority.Normal, ("in-guatemala", S.NeedsInformation, C.JurisdictionLocationUnknown)),
        new("client now in Mexico is referred to a Mexican office with the mandate", Details(country: "MX", locality: "Tapachula"), ConflictOutcome.None, Refer, Priority.Normal, ("in-guatemala", S.Failed, C.JurisdictionOutsideCountries), Recommended: ["mx-ifdp-tapachula"]),
        new("client in Mexico with an issue no office there handles is not eligible", Details(country: "MX", issues: [LegalIssueType.Labour]), ConflictOutcome.None, NotEligible, Priority.Normal, ("in-guatemala", S.Failed, C.JurisdictionOutsideCountries)),
        new("client in Costa Rica where no office covers deportation is not eligible", Details(country: "CR"), ConflictOutcome.None, NotEligible, Priority.Normal, ("in-guatemala", S.Failed, C.JurisdictionOutsideCountries)),
        new("abroad only offices accepting cross-border referrals are recommended", Details(country: "MX", issues: [LegalIssueType.Asylum]), ConflictOutcome.None, Refer, Priority.Normal, ("mandate", S.Passed, C.MandateCovered), Recommended: ["mx-ifdp-tapachula"]),
        new("missing locality where the office serves some localities needs information", Details(locality: null), ConflictOutcome.None, NeedsInformation, Priority.Normal, ("served-localities", S.NeedsInformation, C.JurisdictionLocalityUnknown)),
        new("locality outside the served ones is referred within the country", Details(locality: "Quetzaltenango"), ConflictOutcome.None, Refer, Priority.Normal, ("served-localities", S.Failed, C.JurisdictionOutsideLocalities), Recommended: ["gt-idpp-quetzaltenango"]),
        new("locality matches regardless of case", Details(locality: "mixco"), ConflictOutcome.None, Eligible, Priority.Normal, ("served-localities", S.Passed, C.JurisdictionServed)),

        // Mandate
        new("issue outside the mandate with no other office is not eligible", Details(issues: [LegalIssueType.Labour]), ConflictOutcome.None, NotEligible, Priority.Normal, ("mandate", S.Failed, C.MandateNotCovered)),
        new("one issue within the mandate is enough", Details(issues: [LegalIssueType.Labour, LegalIssueType.CriminalDefense]), ConflictOutcome.None, Eligible, Priority.Normal, ("mandate", S.Passed, C.MandateCovered)),
        new("means test does not apply to issues outside its scope", Details(issues: [LegalIssueType.CriminalDefense], noHousehold: true), ConflictOutcome.None, Eligible, Priority.Normal, ("civil-means-test", S.NotApplicable, C.MeansTestNotApplicable)),

        // Means test: thresholds by household size, at and just above each boundary
        new("household of 1 at the threshold passes", Details(household: new Household(1, 1000m, "GTQ")), ConflictOutcome.None, Eligible, Priority.Normal, ("civil-means-test", S.Passed, C.MeansTestWithinThreshold)),
        new("household of 1 just above the threshold fails", Details(household: new Household(1, 1000.01m, "GTQ")), ConflictOutcome.None, NotEligible, Priority.Normal, ("civil-means-test", S.Failed, C.MeansTestAboveThreshold)),
        new("household of 2 at the threshold passes", Details(household: new Household(2, 1500m, "GTQ")), ConflictOutcome.None, Eligible, Priority.Normal, ("civil-means-test", S.Passed, C.MeansTestWithinThreshold)),
        new("household of 2 just above the threshold fails", Details(household: new Household(2, 1501m, "GTQ")), ConflictOutcome.None, NotEligible, Priority.Normal, ("civil-means-test", S.Failed, C.MeansTestAboveThreshold)),
        new("household of 3 at the threshold passes", Details(household: new Household(3, 2000m, "GTQ")), ConflictOutcome.None, Eligible, Priority.Normal, ("civil-means-test", S.Passed, C.MeansTestWithinThreshold)),
        new("household of 3 just above the threshold fails", Details(household: new Household(3, 2000.5m, "GTQ")), ConflictOutcome.None, NotEligible, Priority.Normal, ("civil-means-test", S.Failed, C.MeansTestAboveThreshold)),
        new("household of 4 uses the increment and passes at it", Details(household: new Household(4, 2400m, "GTQ")), ConflictOutcome.None, Eligible, Priority.Normal, ("civil-means-test", S.Passed, C.MeansTestWithinThreshold)),
        new("household of 4 just above the incremented threshold fails", Details(household: new Household(4, 2401m, "GTQ")), ConflictOutcome.None, NotEligible, Priority.Normal, ("civil-means-test", S.Failed, C.MeansTestAboveThreshold)),
        new("household of 6 passes at three increments", Details(household: new Household(6, 3200m, "GTQ")), ConflictOutcome.None, Eligible, Priority.Normal, ("civil-means-test", S.Passed, C.MeansTestWithinThreshold)),
        new("household of 6 just above three increments fails", Details(household: new Household(6, 3201m, "GTQ")), ConflictOutcome.None, NotEligible, Priority.Normal, ("civil-means-test", S.Failed, C.MeansTestAboveThreshold)),
        new("no income passes", Details(household: new Household(5, 0m, "GTQ")), ConflictOutcome.None, Eligible, Priority.Normal, ("civil-means-test", S.Passed, C.MeansTestWithinThreshold)),

        // Waivers
        new("unaccompanied minor waives the means test", Details(household: new Household(1, 99999m, "GTQ"), vulnerabilities: [Vulnerability.UnaccompaniedMinor]), ConflictOutcome.None, Eligible, Priority.High, ("civil-means-test", S.Passed, C.MeansTestWaived)),
        new("trafficking victim waives the means test", Details(household: new Household(1, 99999m, "GTQ"), vulnerabilities: [Vulnerability.TraffickingVictim]), ConflictOutcome.None, Eligible, Priority.Normal, ("civil-means-test", S.Passed, C.MeansTestWaived)),
        new("survivor of gender-based violence waives the means test", Details(household: new Household(1, 99999m, "GTQ"), vulnerabilities: [Vulnerability.GbvSurvivor]), ConflictOutcome.None, Eligible, Priority.Normal, ("civil-means-test", S.Passed, C.MeansTestWaived)),
        new("a vulnerability the policy does not list waives nothing", Details(household: new Household(1, 99999m, "GTQ"), vulnerabilities: [Vulnerability.Pregnant]), ConflictOutcome.None, NotEligible, Priority.Normal, ("civil-means-test", S.Failed, C.MeansTestAboveThreshold)),
        new("a waiver makes missing household data irrelevant", Details(noHousehold: true, vulnerabilities: [Vulnerability.GbvSurvivor]), ConflictOutcome.None, Eligible, Priority.Normal, ("civil-means-test", S.Passed, C.MeansTestWaived)),

        // Missing data
        new("no household data needs information", Details(noHousehold: true), ConflictOutcome.None, NeedsInformation, Priority.Normal, ("civil-means-test", S.NeedsInformation, C.MeansTestHouseholdMissing)),
        new("no income needs information, not a failure", Details(household: new Household(3, null, null)), ConflictOutcome.None, NeedsInformation, Priority.Normal, ("civil-means-test", S.NeedsInformation, C.MeansTestIncomeMissing)),
        new("income in another currency needs information", Details(household: new Household(3, 100m, "USD")), ConflictOutcome.None, NeedsInformation, Priority.Normal, ("civil-means-test", S.NeedsInformation, C.MeansTestCurrencyMismatch)),

        // Conflict of interest
        new("conflict check not run needs information", Details(), null, NeedsInformation, Priority.Normal, ("conflict", S.NeedsInformation, C.ConflictNotChecked)),
        new("potential conflict needs information", Details(), ConflictOutcome.Potential, NeedsInformation, Priority.Normal, ("conflict", S.NeedsInformation, C.ConflictPotential)),
        new("confirmed conflict is referred to another office of the country", Details(), ConflictOutcome.Confirmed, Refer, Priority.Normal, ("conflict", S.Failed, C.ConflictConfirmed), Recommended: ["gt-idpp-quetzaltenango"]),
        new("confirmed conflict with no other office for the issue is not eligible", Details(issues: [LegalIssueType.Asylum]), ConflictOutcome.Confirmed, NotEligible, Priority.Normal, ("conflict", S.Failed, C.ConflictConfirmed)),

        // Priority rules
        new("detained with a hearing in 7 days is critical", Details(vulnerabilities: [Vulnerability.Detained], hearingInDays: 7), ConflictOutcome.None, Eligible, Priority.Critical),
        new("detained with a hearing in 8 days is not critical", Details(vulnerabilities: [Vulnerability.Detained], hearingInDays: 8), ConflictOutcome.None, Eligible, Priority.Normal),
        new("detained with a hearing today is critical", Details(vulnerabilities: [Vulnerability.Detained], hearingInDays: 0), ConflictOutcome.None, Eligible, Priority.Critical),
        new("a hearing that has passed does not raise the priority", Details(vulnerabilities: [Vulnerability.Detained], hearingInDays: -1), ConflictOutcome.None, Eligible, Priority.Normal),
        new("a near hearing without detention is not critical", Details(hearingInDays: 3), ConflictOutcome.None, Eligible, Priority.Normal),
        new("unaccompanied minor is at least high", Details(vulnerabilities: [Vulnerability.UnaccompaniedMinor]), ConflictOutcome.None, Eligible, Priority.High),
        new("the highest matching rule wins", Details(vulnerabilities: [Vulnerability.UnaccompaniedMinor, Vulnerability.Detained], hearingInDays: 2), ConflictOutcome.None, Eligible, Priority.Critical),
        new("a legal deadline within 5 days is high", Details(deadlineInDays: 5), ConflictOutcome.None, Eligible, Priority.High),
        new("a legal deadline in 6 days is normal", Details(deadlineInDays: 6), ConflictOutcome.None, Eligible, Priority.Normal),
        new("detained 3 days ago is high", Details(detainedDaysAgo: 3), ConflictOutcome.None, Eligible, Priority.High),
        new("detained 4 days ago is normal", Details(detainedDaysAgo: 4), ConflictOutcome.None, Eligible, Priority.Normal),

        // Which failure decides
        new("outside the country beats a failed means test: refer", Details(country: "MX", household: new Household(1, 99999m, "GTQ")), ConflictOutcome.None, Refer, Priority.Normal, ("civil-means-test", S.Failed, C.MeansTestAboveThreshold), Recommended: ["mx-ifdp-tapachula"]),
        new("a failed means test beats a confirmed conflict", Details(household: new Household(1, 99999m, "GTQ")), ConflictOutcome.Confirmed, NotEligible, Priority.Normal, ("conflict", S.Failed, C.ConflictConfirmed)),
        new("a failure beats missing information", Details(locality: null, household: new Household(1, 99999m, "GTQ")), ConflictOutcome.None, NotEligible, Priority.Normal, ("served-localities", S.NeedsInformation, C.JurisdictionLocalityUnknown)),
        new("a refer keeps the priority of the case", Details(country: "MX", vulnerabilities: [Vulnerability.Detained], hearingInDays: 1), ConflictOutcome.None, Refer, Priority.Critical, Recommended: ["mx-ifdp-tapachula"]),
    ];

    public static TheoryData<string> RowNames() => new(Rows.Select(r => r.Name));

    [Fact]
    public void The_table_has_at_least_forty_distinct_rows() =>
        Assert.True(Rows.Select(r => r.Name).Distinct().Count() == Rows.Length && Rows.Length >= 40);

    [Theory]
    [MemberData(nameof(RowNames))]
    public void Evaluation_gives_the_expected_decision_priority_and_criterion(string name)
    {
        var row = Rows.Single(r => r.Name == name);

        var result = TriageEvaluator.Evaluate(Compiled, Network, row.Details, row.Conflict, Today);

        Assert.Equal(row.Decision, result.Decision);
        Assert.Equal(row.Priority, result.Priority);
        Assert.Equal(Compiled.Policy.Criteria.Select(c => c.Id), result.Criteria.Select(c => c.CriterionId));
        Assert.All(result.Criteria, c => Assert.Contains(c.Code, ExplanationCodes.All));
        Assert.All(result.PriorityReasons, r => Assert.Contains(r.Code, ExplanationCodes.All));
        if (row.Expected is var (id, status, code))
        {
            var criterion = result.Criteria.Single(c => c.CriterionId == id);
            Assert.Equal((status, code), (criterion.Status, criterion.Code));
        }

        Assert.Equal(row.Recommended ?? [], result.RecommendedOfficeIds);
    }

    internal sealed record Row(
        string Name,
        CaseDetails Details,
        ConflictOutcome? Conflict,
        TriageDecision Decision,
        Priority Priority,
        (string Id, CriterionStatus Status, string Code)? Expected = null,
        string[]? Recommended = null);
}
