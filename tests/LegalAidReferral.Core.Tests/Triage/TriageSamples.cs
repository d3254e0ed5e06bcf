using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Triage;
using LegalAidReferral.Core.Triage.Input;

namespace LegalAidReferral.Core.Tests.Triage;

/// <summary>A policy of the Guatemala City office and a small directory, for evaluator tests. Figures are fictional.</summary>
internal static class TriageSamples
{
    public const string OfficeId = "gt-idpp-guatemala";
    public static readonly DateOnly Today = new(2026, 11, 28);

    public static TriagePolicyInput PolicyInput() => new()
    {
        Criteria =
        [
            new TriageCriterionInput { Id = "in-guatemala", Kind = "jurisdiction", Countries = ["GT"] },
            new TriageCriterionInput { Id = "served-localities", Kind = "jurisdiction", Countries = ["GT"], Localities = ["Ciudad de Guatemala", "Mixco", "Villa Nueva"] },
            new TriageCriterionInput { Id = "mandate", Kind = "mandate", LegalIssues = ["criminal-defense", "detention", "deportation", "asylum", "child-protection"] },
            new TriageCriterionInput
            {
                Id = "civil-means-test", Kind = "means-test", Currency = "GTQ", Thresholds = [1000m, 1500m, 2000m], AdditionalMemberIncrement = 400m,
                WaivedFor = ["unaccompanied-minor", "trafficking-victim", "gbv-survivor"], AppliesToLegalIssues = ["deportation", "asylum"],
            },
            new TriageCriterionInput { Id = "conflict", Kind = "conflict-of-interest" },
        ],
        PriorityRules =
        [
            new PriorityRuleInput { Id = "detained-hearing-soon", Priority = "critical", AnyVulnerability = ["detained"], HearingWithinDays = 7 },
            new PriorityRuleInput { Id = "unaccompanied-minor", Priority = "high", AnyVulnerability = ["unaccompanied-minor"] },
            new PriorityRuleInput { Id = "deadline-soon", Priority = "high", DeadlineWithinDays = 5 },
            new PriorityRuleInput { Id = "just-detained", Priority = "high", DetainedWithinDays = 3 },
        ],
        DefaultPriority = "normal",
        Referral = new ReferralSettingsInput { RecommendOffices = true, MaxOffices = 3 },
    };

    public static TriagePolicy Policy(TriagePolicyInput? input = null)
    {
        var result = TriagePolicyValidator.Validate(input ?? PolicyInput(), OfficeId, 1, null, null);
        Assert.True(result.IsSuccess, result.IsSuccess ? null : string.Join("; ", result.Failure.Errors!.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return result.Value;
    }

    public static CompiledTriagePolicy Compiled { get; } = new(Policy());

    public static ReferralDirectory Network { get; } = new(
    [
        Office(OfficeId, "GT", true, LegalIssueType.CriminalDefense, LegalIssueType.Detention, LegalIssueType.Deportation, LegalIssueType.Asylum),
        Office("gt-idpp-quetzaltenango", "GT", false, LegalIssueType.CriminalDefense, LegalIssueType.Detention, LegalIssueType.Deportation),
        Office("mx-ifdp-tapachula", "MX", true, LegalIssueType.Asylum, LegalIssueType.Deportation),
        Office("mx-closed-unit", "MX", false, LegalIssueType.Asylum),
        Office("cr-dp-san-jose", "CR", true, LegalIssueType.FamilyReunification),
    ]);

    /// <summary>A client in Guatemala City, household of 3 earning 1800 GTQ, facing deportation: eligible at normal priority.</summary>
    public static CaseDetails Details(
        string? country = "GT",
        string? locality = "Ciudad de Guatemala",
        Household? household = null,
        bool noHousehold = false,
        IReadOnlyList<Vulnerability>? vulnerabilities = null,
        IReadOnlyList<LegalIssueType>? issues = null,
        int? hearingInDays = null,
        int? detainedDaysAgo = null,
        int? deadlineInDays = null) =>
        new(
            new Client("Cliente Ficticia", [], null, false, [], ["es"], null, new Contact(null, null),
                country is null ? null : new Location(country, locality), []),
            noHousehold ? null : household ?? new Household(3, 1800m, "GTQ"),
            vulnerabilities ?? [],
            null,
            (issues ?? [LegalIssueType.Deportation]).Select(i => new LegalIssue(i, i == LegalIssueType.Other ? "other" : null)).ToArray(),
            new KeyDates(
                detainedDaysAgo is { } ago ? Today.AddDays(-ago) : null,
                hearingInDays is { } hearing ? Today.AddDays(hearing) : null,
                deadlineInDays is { } deadline ? [new LegalDeadline(Today.AddDays(deadline), "appeal")] : []),
            []);

    public static Office Office(string id, string country, bool crossBorder, params LegalIssueType[] mandate) => new()
    {
        Id = id,
        Name = id,
        Institution = id,
        Country = country,
        Locality = "somewhere",
        TimeZone = "America/Guatemala",
        Languages = ["es"],
        FocalPoint = new FocalPoint("x", "x@example.org", "+0"),
        Mandate = mandate,
        AcceptsCrossBorderReferrals = crossBorder,
    };
}
