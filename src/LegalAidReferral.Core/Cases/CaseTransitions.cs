using System.Collections.Frozen;

namespace LegalAidReferral.Core.Cases;

/// <summary>How a case may move between statuses: the whole state machine, as a table.</summary>
public static class CaseTransitions
{
    public sealed record Rule(CaseStatus From, CaseStatus To, bool ReasonRequired);

    public static IReadOnlyList<Rule> Rules { get; } =
    [
        new(CaseStatus.Intake, CaseStatus.Triaged, ReasonRequired: false),
        new(CaseStatus.Intake, CaseStatus.Closed, ReasonRequired: true),
        new(CaseStatus.Triaged, CaseStatus.Open, ReasonRequired: false),
        new(CaseStatus.Triaged, CaseStatus.NotEligible, ReasonRequired: true),
        new(CaseStatus.Triaged, CaseStatus.ReferredOut, ReasonRequired: true),
        new(CaseStatus.Triaged, CaseStatus.Intake, ReasonRequired: true),
        new(CaseStatus.Open, CaseStatus.ReferredOut, ReasonRequired: true),
        new(CaseStatus.Open, CaseStatus.Closed, ReasonRequired: true),
        new(CaseStatus.NotEligible, CaseStatus.Open, ReasonRequired: true),
        new(CaseStatus.NotEligible, CaseStatus.Closed, ReasonRequired: false),
        new(CaseStatus.ReferredOut, CaseStatus.Open, ReasonRequired: true),
        new(CaseStatus.ReferredOut, CaseStatus.Closed, ReasonRequired: false),
        new(CaseStatus.Closed, CaseStatus.Open, ReasonRequired: true),
    ];

    private static readonly FrozenDictionary<(CaseStatus From, CaseStatus To), Rule> ByStatuses =
        Rules.ToFrozenDictionary(r => (r.From, r.To));

    public static Rule? Find(CaseStatus from, CaseStatus to) => ByStatuses.GetValueOrDefault((from, to));

    public static IEnumerable<CaseStatus> AllowedFrom(CaseStatus from) => Rules.Where(r => r.From == from).Select(r => r.To);
}
