using System.Collections.Frozen;
using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Core.Triage;

/// <summary>
/// A policy prepared for evaluation: sets frozen, issues and vulnerabilities as masks, the default
/// priority's explanation built once. Immutable, so one instance serves any number of evaluations.
/// </summary>
public sealed class CompiledTriagePolicy
{
    public CompiledTriagePolicy(TriagePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
        HomeCountry = policy.OfficeId[..2].ToUpperInvariant();
        Criteria = policy.Criteria.Select(c => new Criterion(
            c.Id,
            c.Kind,
            (c.Countries ?? []).ToFrozenSet(StringComparer.Ordinal),
            (c.Localities ?? []).ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            IssueMask.Of(c.LegalIssues),
            c.Currency,
            c.Thresholds?.ToArray() ?? [],
            c.AdditionalMemberIncrement ?? 0m,
            IssueMask.Of(c.WaivedFor),
            IssueMask.Of(c.AppliesToLegalIssues))).ToArray();
        Rules = policy.PriorityRules.Select(r => new Rule(
            r.Priority, IssueMask.Of(r.AnyVulnerability), r.HearingWithinDays, r.DetainedWithinDays, r.DeadlineWithinDays)).ToArray();
        DefaultReasons = [new Explanation(ExplanationCodes.PriorityDefault, new ExplanationArguments { Priority = policy.DefaultPriority })];
    }

    public TriagePolicy Policy { get; }

    /// <summary>The office's country, from its id (ids start with the lowercase ISO country code).</summary>
    internal string HomeCountry { get; }

    internal Criterion[] Criteria { get; }

    internal Rule[] Rules { get; }

    internal Explanation[] DefaultReasons { get; }

    internal sealed record Criterion(
        string Id,
        TriageCriterionKind Kind,
        FrozenSet<string> Countries,
        FrozenSet<string> Localities,
        uint Mandate,
        string? Currency,
        decimal[] Thresholds,
        decimal Increment,
        uint Waivers,
        uint Scope)
    {
        /// <summary>The threshold for a household: listed sizes as given, larger ones by the increment per further member.</summary>
        public decimal ThresholdFor(int householdSize) =>
            householdSize <= Thresholds.Length
                ? Thresholds[householdSize - 1]
                : Thresholds[^1] + (Increment * (householdSize - Thresholds.Length));
    }

    internal sealed record Rule(Priority Priority, uint Vulnerabilities, int? HearingWithinDays, int? DetainedWithinDays, int? DeadlineWithinDays);
}
