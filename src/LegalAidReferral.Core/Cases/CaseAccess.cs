using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Cases;

/// <summary>Who may work on case data: defenders and supervisors, of the owning office only.</summary>
public static class CaseAccess
{
    public static Failure? Check(Actor actor) =>
        actor.HasAny(Role.Defender, Role.Supervisor)
            ? null
            : Failure.Forbidden("Only defenders and supervisors of an office work on its cases.");
}
