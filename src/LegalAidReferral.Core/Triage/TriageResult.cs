using LegalAidReferral.Core.Conflicts;
using System.Text.Json.Serialization;
using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Core.Triage;

/// <summary>
/// The triage of a case as stored on it: the evaluation, under which policy version, when and by
/// whom, and a fingerprint of the case data it depended on. Language-neutral: explanations are
/// rendered when the result is read. A supervisor's <see cref="Override"/> sits beside the original.
/// </summary>
public sealed record TriageResult(
    TriageDecision Decision,
    Priority Priority,
    IReadOnlyList<CriterionOutcome> Criteria,
    IReadOnlyList<Explanation> PriorityReasons,
    IReadOnlyList<string> RecommendedOfficeIds,
    string PolicyOfficeId,
    int PolicyVersion,
    DateTimeOffset EvaluatedAt,
    string EvaluatedBy,
    string InputsFingerprint)
{
    /// <summary>True when case data the result depends on changed after it was evaluated.</summary>
    public bool Stale { get; init; }

    public TriageOverride? Override { get; init; }

    [JsonIgnore]
    public TriageDecision EffectiveDecision => Override?.Decision ?? Decision;

    [JsonIgnore]
    public Priority EffectivePriority => Override?.Priority ?? Priority;

    /// <summary>This result, stale exactly when the data it read differs from <paramref name="details"/> and <paramref name="conflict"/>.</summary>
    public TriageResult CheckedAgainst(CaseDetails details, ConflictOutcome? conflict) =>
        this with { Stale = InputsFingerprint != TriageInputs.Fingerprint(details, conflict) };

    public static TriageResult Of(TriageEvaluation evaluation, TriagePolicy policy, DateTimeOffset at, string by, string fingerprint) =>
        new(evaluation.Decision, evaluation.Priority, evaluation.Criteria, evaluation.PriorityReasons, evaluation.RecommendedOfficeIds,
            policy.OfficeId, policy.Version, at, by, fingerprint);
}

/// <summary>A supervisor's decision in place of the evaluated one, with the written reason.</summary>
public sealed record TriageOverride(TriageDecision Decision, Priority Priority, string Reason, string By, DateTimeOffset At);
