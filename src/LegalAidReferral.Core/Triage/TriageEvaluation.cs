using System.Text.Json.Serialization;
using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Core.Triage;

/// <summary>What the evaluator concludes for one case under one policy, before it is stamped and stored.</summary>
public sealed record TriageEvaluation(
    TriageDecision Decision,
    Priority Priority,
    IReadOnlyList<CriterionOutcome> Criteria,
    IReadOnlyList<Explanation> PriorityReasons,
    IReadOnlyList<string> RecommendedOfficeIds);

/// <summary>How one criterion of the policy came out, and the language-neutral reason for it.</summary>
public readonly record struct CriterionOutcome(
    string CriterionId,
    TriageCriterionKind Kind,
    CriterionStatus Status,
    string Code,
    ExplanationArguments Arguments);

/// <summary>A reason, as an explanation code from <see cref="ExplanationCodes"/> and its arguments.</summary>
public readonly record struct Explanation(string Code, ExplanationArguments Arguments);

/// <summary>
/// The values an explanation may quote. Only codes, figures of the policy and counts: never a name,
/// a date of birth, an income or free text, so results can be rendered and logged without personal data.
/// </summary>
public readonly record struct ExplanationArguments
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Country { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Currency { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Threshold { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? HouseholdSize { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Vulnerability? Vulnerability { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Days { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Priority? Priority { get; init; }
}
