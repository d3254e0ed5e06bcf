using System.Collections.Frozen;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// The whole referral state machine, as one table: from a status, an action taken by a side leads to
/// a status; who on that side may take it; which protocol deadline it meets and which it starts.
/// A step into a final status (declined, closed, revoked) cancels every deadline still open.
/// </summary>
public static class ReferralActions
{
    /// <param name="Roles">Staff roles of which any one is enough; empty for the system side, which has no roles.</param>
    public sealed record Rule(
        ReferralStatus From,
        ReferralAction Action,
        ReferralSide Side,
        ReferralStatus To,
        IReadOnlySet<Role> Roles,
        DeadlineKind? Meets,
        IReadOnlyList<DeadlineKind> Starts);

    private static readonly IReadOnlySet<Role> Staff = new HashSet<Role> { Role.Defender, Role.Supervisor };
    private static readonly IReadOnlySet<Role> SupervisorOnly = new HashSet<Role> { Role.Supervisor };
    private static readonly IReadOnlySet<Role> NoRoles = new HashSet<Role>();

    /// <summary>Statuses a sending office (or the system, on consent withdrawal) may revoke from: every status before completion.</summary>
    private static readonly ReferralStatus[] Revocable =
        [ReferralStatus.Sent, ReferralStatus.Acknowledged, ReferralStatus.Accepted, ReferralStatus.Assigned, ReferralStatus.InProgress];

    /// <summary>Deadlines the <see cref="ReferralAction.Send"/> step starts.</summary>
    public static IReadOnlyList<DeadlineKind> SendStarts { get; } = [DeadlineKind.Acknowledge, DeadlineKind.Decide];

    public static IReadOnlyList<Rule> Rules { get; } =
    [
        new(ReferralStatus.Sent, ReferralAction.Acknowledge, ReferralSide.ReceivingOffice, ReferralStatus.Acknowledged, Staff, DeadlineKind.Acknowledge, []),
        new(ReferralStatus.Acknowledged, ReferralAction.Accept, ReferralSide.ReceivingOffice, ReferralStatus.Accepted, Staff, DeadlineKind.Decide,
            [DeadlineKind.FirstContact, DeadlineKind.OutcomeReport]),
        new(ReferralStatus.Acknowledged, ReferralAction.Decline, ReferralSide.ReceivingOffice, ReferralStatus.Declined, Staff, DeadlineKind.Decide, []),
        new(ReferralStatus.Accepted, ReferralAction.Assign, ReferralSide.ReceivingOffice, ReferralStatus.Assigned, SupervisorOnly, null, []),

        // A reassignment keeps the status.
        new(ReferralStatus.Assigned, ReferralAction.Assign, ReferralSide.ReceivingOffice, ReferralStatus.Assigned, SupervisorOnly, null, []),
        new(ReferralStatus.InProgress, ReferralAction.Assign, ReferralSide.ReceivingOffice, ReferralStatus.InProgress, SupervisorOnly, null, []),
        new(ReferralStatus.Assigned, ReferralAction.FirstContact, ReferralSide.ReceivingOffice, ReferralStatus.InProgress, Staff, DeadlineKind.FirstContact, []),
        new(ReferralStatus.InProgress, ReferralAction.Outcome, ReferralSide.ReceivingOffice, ReferralStatus.Completed, Staff, DeadlineKind.OutcomeReport, []),
        new(ReferralStatus.Completed, ReferralAction.Close, ReferralSide.SendingOffice, ReferralStatus.Closed, Staff, null, []),
        new(ReferralStatus.Declined, ReferralAction.Close, ReferralSide.SendingOffice, ReferralStatus.Closed, Staff, null, []),
        .. Revocable.Select(from => new Rule(from, ReferralAction.Revoke, ReferralSide.SendingOffice, ReferralStatus.Revoked, Staff, null, [])),
        .. Revocable.Select(from => new Rule(from, ReferralAction.Revoke, ReferralSide.System, ReferralStatus.Revoked, NoRoles, null, [])),
    ];

    /// <summary>The actions a caller names in <c>POST /api/referrals/{referralId}/{action}</c>: all but <see cref="ReferralAction.Send"/>.</summary>
    public static IReadOnlyList<ReferralAction> Requestable { get; } = Enum.GetValues<ReferralAction>().Where(a => a != ReferralAction.Send).ToArray();

    public static IReadOnlySet<ReferralStatus> Final { get; } =
        new HashSet<ReferralStatus> { ReferralStatus.Declined, ReferralStatus.Closed, ReferralStatus.Revoked };

    private static readonly FrozenDictionary<(ReferralStatus, ReferralAction, ReferralSide), Rule> ByKey =
        Rules.ToFrozenDictionary(r => (r.From, r.Action, r.Side));

    private static readonly FrozenDictionary<ReferralStatus, FrozenSet<ReferralStatus>> Reachable =
        Enum.GetValues<ReferralStatus>().ToFrozenDictionary(s => s, s => ReachableFrom(s).ToFrozenSet());

    public static Rule? Find(ReferralStatus from, ReferralAction action, ReferralSide side) => ByKey.GetValueOrDefault((from, action, side));

    /// <summary>
    /// Whether <paramref name="side"/>, holding <paramref name="roles"/>, may take <paramref name="action"/>
    /// in <paramref name="status"/>: the rule, or Forbidden when the side or the role never may
    /// (whatever the status), or InvalidTransition when the status does not allow it now.
    /// </summary>
    public static Result<Rule> Decide(ReferralStatus status, ReferralAction action, ReferralSide side, IReadOnlySet<Role> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var name = Kebab<ReferralAction>.Name(action);
        if (action == ReferralAction.Send)
        {
            return Failure.InvalidTransition("A referral is sent once, when it is created from a case.");
        }

        var rows = Rules.Where(r => r.Action == action && r.Side == side).ToArray();
        if (rows.Length == 0)
        {
            return Failure.Forbidden($"The {SideName(side)} cannot '{name}' a referral.");
        }

        var required = rows[0].Roles;
        if (required.Count > 0 && !roles.Overlaps(required))
        {
            return Failure.Forbidden(required.SetEquals(SupervisorOnly)
                ? $"Only a supervisor of the {SideName(side)} can '{name}' a referral."
                : $"Only defenders and supervisors of the {SideName(side)} can '{name}' a referral.");
        }

        if (Find(status, action, side) is { } rule)
        {
            return rule;
        }

        var allowed = string.Join(", ", AllowedFrom(status, side, roles).Select(Kebab<ReferralAction>.Name));
        return Failure.InvalidTransition(
            $"A referral in status '{Kebab<ReferralStatus>.Name(status)}' cannot take the step '{name}'. Allowed now: {(allowed.Length == 0 ? "none" : allowed)}.");
    }

    /// <summary>The actions <paramref name="side"/> with <paramref name="roles"/> may take in <paramref name="status"/>, in table order.</summary>
    public static IEnumerable<ReferralAction> AllowedFrom(ReferralStatus status, ReferralSide side, IReadOnlySet<Role> roles) =>
        Rules.Where(r => r.From == status && r.Side == side && (r.Roles.Count == 0 || r.Roles.Overlaps(roles))).Select(r => r.Action);

    /// <summary>Whether a copy in <paramref name="from"/> can still come to <paramref name="to"/> by steps of the table (or is there).</summary>
    public static bool CanReach(ReferralStatus from, ReferralStatus to) => Reachable[from].Contains(to);

    private static HashSet<ReferralStatus> ReachableFrom(ReferralStatus start)
    {
        var seen = new HashSet<ReferralStatus> { start };
        var queue = new Queue<ReferralStatus>([start]);
        while (queue.TryDequeue(out var status))
        {
            foreach (var rule in Rules.Where(r => r.From == status && seen.Add(r.To)))
            {
                queue.Enqueue(rule.To);
            }
        }

        return seen;
    }

    private static string SideName(ReferralSide side) => side switch
    {
        ReferralSide.SendingOffice => "sending office",
        ReferralSide.ReceivingOffice => "receiving office",
        _ => "system",
    };
}
