using BenchmarkDotNet.Attributes;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Core.Triage;
using LegalAidReferral.Core.Triage.Input;
using LegalAidReferral.Infrastructure.Seed;

namespace LegalAidReferral.Benchmarks;

/// <summary>
/// Triage of one case against a 10-criterion policy, the policy compiled once as the API does per
/// request outside the measured part. Target: median under 5 µs, nothing allocated but the result.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TriageBenchmarks
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private CompiledTriagePolicy _policy = null!;
    private ReferralDirectory _directory = null!;
    private CaseDetails _inCountry = null!;
    private CaseDetails _movedAbroad = null!;

    [GlobalSetup]
    public void Setup()
    {
        var input = new TriagePolicyInput
        {
            Criteria =
            [
                new() { Id = "in-guatemala", Kind = "jurisdiction", Countries = ["GT"] },
                new() { Id = "served-localities", Kind = "jurisdiction", Countries = ["GT"], Localities = ["Ciudad de Guatemala", "Mixco", "Villa Nueva", "Quetzaltenango"] },
                new() { Id = "mandate", Kind = "mandate", LegalIssues = ["criminal-defense", "detention", "deportation", "asylum"] },
                new() { Id = "not-labour-only", Kind = "mandate", LegalIssues = ["criminal-defense", "detention", "deportation", "asylum", "child-protection"] },
                MeansTest("asylum-means-test", "asylum"),
                MeansTest("deportation-means-test", "deportation"),
                MeansTest("family-means-test", "family-reunification"),
                MeansTest("documents-means-test", "documentation"),
                new() { Id = "conflict-clients", Kind = "conflict-of-interest" },
                new() { Id = "conflict-adverse", Kind = "conflict-of-interest" },
            ],
            PriorityRules =
            [
                new() { Id = "detained-hearing-soon", Priority = "critical", AnyVulnerability = ["detained"], HearingWithinDays = 7 },
                new() { Id = "unaccompanied-minor", Priority = "high", AnyVulnerability = ["unaccompanied-minor"] },
                new() { Id = "deadline-soon", Priority = "high", DeadlineWithinDays = 7 },
                new() { Id = "just-detained", Priority = "high", DetainedWithinDays = 30 },
            ],
            DefaultPriority = "normal",
            Referral = new() { RecommendOffices = true, MaxOffices = 3 },
        };
        _policy = new CompiledTriagePolicy(TriagePolicyValidator.Validate(input, "gt-idpp-guatemala", 1, null, null).Value!);
        _directory = new ReferralDirectory(SeedOffices.Load());
        _inCountry = new CaseDetails(
            new Client("Benchmark Ficticio", [], null, false, [], ["es"], null, new Contact(null, null), new Location("GT", "Ciudad de Guatemala"), []),
            new Household(3, 1800m, "GTQ"),
            [Vulnerability.Detained],
            null,
            [new LegalIssue(LegalIssueType.Deportation, null), new LegalIssue(LegalIssueType.Asylum, null)],
            new KeyDates(Today.AddDays(-8), Today.AddDays(4), [new LegalDeadline(Today.AddDays(20), "appeal")]),
            []);
        _movedAbroad = _inCountry with { Client = _inCountry.Client with { CurrentLocation = new Location("MX", "Tapachula") } };
    }

    [Benchmark(Baseline = true)]
    public TriageEvaluation TriageInOfficeCountry() => TriageEvaluator.Evaluate(_policy, _directory, _inCountry, ConflictOutcome.None, Today);

    [Benchmark]
    public TriageEvaluation TriageClientMovedAbroad() => TriageEvaluator.Evaluate(_policy, _directory, _movedAbroad, ConflictOutcome.None, Today);

    private static TriageCriterionInput MeansTest(string id, string scope) => new()
    {
        Id = id,
        Kind = "means-test",
        Currency = "GTQ",
        Thresholds = [1000m, 1500m, 2000m, 2400m],
        AdditionalMemberIncrement = 400m,
        WaivedFor = ["unaccompanied-minor", "trafficking-victim"],
        AppliesToLegalIssues = [scope],
    };
}
