using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Triage;

namespace LegalAidReferral.Functions.Triage;

/// <summary>
/// A triage result as the API shows it: the stored, language-neutral result (codes and arguments)
/// with every explanation and label rendered in <see cref="Language"/>. The evaluated decision and
/// priority stay as they were; an override is shown beside them and in the effective values.
/// </summary>
public sealed record TriageResource(
    string Language,
    TriageDecision Decision,
    string DecisionLabel,
    Priority Priority,
    string PriorityLabel,
    TriageDecision EffectiveDecision,
    Priority EffectivePriority,
    IReadOnlyList<TriageResource.CriterionView> Criteria,
    IReadOnlyList<TriageResource.ExplanationView> PriorityReasons,
    IReadOnlyList<string> RecommendedOfficeIds,
    TriageResource.PolicyView Policy,
    DateTimeOffset EvaluatedAt,
    string EvaluatedBy,
    bool Stale,
    TriageResource.OverrideView? Override)
{
    public static TriageResource Of(TriageResult result, string language)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new TriageResource(
            language,
            result.Decision,
            TriageExplanations.Label(result.Decision, language),
            result.Priority,
            TriageExplanations.Label(result.Priority, language),
            result.EffectiveDecision,
            result.EffectivePriority,
            result.Criteria.Select(c => new CriterionView(
                c.CriterionId, c.Kind, c.Status, TriageExplanations.Label(c.Status, language), c.Code, c.Arguments,
                TriageExplanations.Render(c.Code, c.Arguments, language))).ToArray(),
            result.PriorityReasons.Select(r => new ExplanationView(r.Code, r.Arguments, TriageExplanations.Render(r, language))).ToArray(),
            result.RecommendedOfficeIds,
            new PolicyView(result.PolicyOfficeId, result.PolicyVersion),
            result.EvaluatedAt,
            result.EvaluatedBy,
            result.Stale,
            result.Override is { } o
                ? new OverrideView(o.Decision, TriageExplanations.Label(o.Decision, language), o.Priority, TriageExplanations.Label(o.Priority, language), o.Reason, o.By, o.At)
                : null);
    }

    public sealed record CriterionView(
        string Id, TriageCriterionKind Kind, CriterionStatus Status, string StatusLabel, string Code, ExplanationArguments Arguments, string Explanation);

    public sealed record ExplanationView(string Code, ExplanationArguments Arguments, string Explanation);

    public sealed record PolicyView(string OfficeId, int Version);

    public sealed record OverrideView(
        TriageDecision Decision, string DecisionLabel, Priority Priority, string PriorityLabel, string Reason, string By, DateTimeOffset At);
}
