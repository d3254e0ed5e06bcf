using System.Text.Json.Serialization;
using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Core.Triage;

/// <summary>
/// One version of an office's eligibility policy. Built only by <see cref="TriagePolicyValidator"/>,
/// so every instance is valid. Versions are immutable: a change is stored as the next version.
/// </summary>
public sealed record TriagePolicy(
    string OfficeId,
    int Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description,
    IReadOnlyList<TriageCriterion> Criteria,
    IReadOnlyList<PriorityRule> PriorityRules,
    Priority DefaultPriority,
    ReferralSettings Referral,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy);

/// <summary>
/// One criterion. Only the fields of its <see cref="Kind"/> are set: countries and localities for
/// jurisdiction, legal issues for mandate, currency, thresholds, waivers and scope for the means test.
/// </summary>
public sealed record TriageCriterion(
    string Id,
    TriageCriterionKind Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Countries = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Localities = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<LegalIssueType>? LegalIssues = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Currency = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<decimal>? Thresholds = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? AdditionalMemberIncrement = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Vulnerability>? WaivedFor = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<LegalIssueType>? AppliesToLegalIssues = null);

/// <summary>
/// Raises the priority when all of its conditions hold. Every condition is monotone (more
/// vulnerabilities or a nearer date can only make it hold), so adding facts never lowers a priority.
/// </summary>
public sealed record PriorityRule(
    string Id,
    Priority Priority,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Vulnerability>? AnyVulnerability = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? HearingWithinDays = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? DetainedWithinDays = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? DeadlineWithinDays = null);

/// <summary>Whether a case the office cannot take gets recommended offices, and how many at most.</summary>
public sealed record ReferralSettings(bool RecommendOffices, int MaxOffices);
