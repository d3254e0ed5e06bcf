using System.Collections.Frozen;

namespace LegalAidReferral.Core.Cases;

/// <summary>
/// How a case may move between statuses: the whole state machine, as a table. Staff choose the
/// moves of <see cref="Rules"/>; only an accepted representation referral moves a case to
/// referred-out (<see cref="ReferredOutFrom"/>), so the status always matches a referral.
/// </summary>
public static class CaseTransitions
{
    public sealed record Rule(CaseStatus From, CaseStatus To, bool ReasonRequired);

    public static IReadOnlyList<Rule> Rules { get; } =
    [
        new(CaseStatus.Intake, CaseStatus.Triaged, ReasonRequired: false),
        new(CaseStatus.Intake, CaseStatus.Closed, ReasonRequired: true),
        new(CaseStatus.Triaged, CaseStatus.Open, ReasonRequired: false),
        new(CaseStatus.Triaged, CaseStatus.NotEligible, ReasonRequired: true),
        new(CaseStatus.Triaged, CaseStatus.Intake, ReasonRequired: true),
        new(CaseStatus.Open, CaseStatus.Closed, ReasonRequired: true),
        new(CaseStatus.NotEligible, CaseStatus.Open, ReasonRequired: true),
        new(CaseStatus.NotEligible, CaseStatus.Closed, ReasonRequired: false),
        new(CaseStatus.ReferredOut, CaseStatus.Open, ReasonRequired: true),
        new(CaseStatus.ReferredOut, CaseStatus.Closed, ReasonRequired: false),
        new(CaseStatus.Closed, CaseStatus.Open, ReasonRequired: true),
    ];

    /// <summary>The statuses a case leaves for referred-out when a representation referral of it is accepted.</summary>
    public static IReadOnlySet<CaseStatus> ReferredOutFrom { get; } =
        new HashSet<CaseStatus> { CaseStatus.Intake, CaseStatus.Triaged, CaseStatus.Open, CaseStatus.NotEligible };

    private static readonly FrozenDictionary<(CaseStatus From, CaseStatus To), Rule> ByStatuses =
        Rules.ToFrozenDictionary(r => (r.From, r.To));

    public static Rule? Find(CaseStatus from, CaseStatus to) => ByStatuses.GetValueOrDefault((from, to));

    public static IEnumerable<CaseStatus> AllowedFrom(CaseStatus from) => Rules.Where(r => r.From == from).Select(r => r.To);
}
