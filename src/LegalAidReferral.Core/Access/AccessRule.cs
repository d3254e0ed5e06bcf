using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Access;

/// <summary>Which data of which office a use case may touch.</summary>
public enum Reach
{
    /// <summary>Any office's: the network directory.</summary>
    AnyOffice,

    /// <summary>The caller's own office's only (a client: their own case only).</summary>
    OwnOffice,

    /// <summary>The caller's own office's, or another office's that a referral connects to the caller's (<see cref="IReferralReach"/>).</summary>
    OwnOfficeOrReferral,
}

/// <summary>
/// Who may run one use case: the caller kinds admitted, for staff the roles of which any one is
/// enough, the data it may reach, and what a refused caller is told.
/// </summary>
public sealed record AccessRule(IReadOnlySet<CallerKind> Kinds, IReadOnlySet<Role> StaffRoles, Reach Reach, string Denied)
{
    /// <summary>A use case only staff with one of <paramref name="roles"/> may run.</summary>
    public static AccessRule Staff(Reach reach, string denied, params IEnumerable<Role> roles) =>
        new(new HashSet<CallerKind> { CallerKind.Staff }, roles.ToHashSet(), reach, denied);

    /// <summary>This rule, also admitting callers of <paramref name="kind"/> (a client within their own case, the system within its office).</summary>
    public AccessRule And(CallerKind kind) => this with { Kinds = new HashSet<CallerKind>(Kinds) { kind } };

    /// <summary>A use case only a client may run, on their own case.</summary>
    public static AccessRule Client(string denied) =>
        new(new HashSet<CallerKind> { CallerKind.Client }, new HashSet<Role>(), Reach.OwnOffice, denied);
}
