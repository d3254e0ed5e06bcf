using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Access;

/// <summary>
/// Decides what a caller may do, per use case, from one rule table. Two steps, since the data a
/// use case touches is often known only after it is read: <see cref="Admit"/> judges the caller
/// (kind and role) before anything is read; <see cref="ReachAsync"/> judges the data. Data out of
/// reach is forbidden for an office, and not found for a case, so case ids of other offices are not revealed.
/// </summary>
public sealed class AccessPolicy(IReadOnlyDictionary<UseCase, AccessRule> rules, IReferralReach referrals)
{
    public AccessPolicy(IReferralReach referrals)
        : this(AccessRules.Default, referrals)
    {
    }

    public Failure? Admit(UseCase useCase, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var rule = rules[useCase];
        var admitted = rule.Kinds.Contains(caller.Kind) && (caller is not StaffCaller staff || staff.Roles.Overlaps(rule.StaffRoles));
        return admitted ? null : Failure.Forbidden(rule.Denied);
    }

    public async ValueTask<Failure?> ReachAsync(UseCase useCase, Caller caller, AccessTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(target);
        var rule = rules[useCase];
        var reached = rule.Reach switch
        {
            Reach.AnyOffice => true,
            _ when IsOwn(caller, target) => true,
            Reach.OwnOfficeOrReferral when caller is StaffCaller staff => await referrals.ReachesAsync(staff, target, cancellationToken),
            _ => false,
        };
        if (reached)
        {
            return null;
        }

        return target.CaseId is null ? Failure.Forbidden(rule.Denied) : Failure.NotFound("case");
    }

    /// <summary>Both steps at once, for a use case whose data is known before anything is read.</summary>
    public async ValueTask<Failure?> CheckAsync(UseCase useCase, Caller caller, AccessTarget target, CancellationToken cancellationToken) =>
        Admit(useCase, caller) ?? await ReachAsync(useCase, caller, target, cancellationToken);

    private static bool IsOwn(Caller caller, AccessTarget target) =>
        target.OfficeId == caller.OfficeId && (caller is not ClientCaller client || target.CaseId == client.CaseId);
}
