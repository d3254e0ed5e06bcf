using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Triage;

namespace LegalAidReferral.Core.Offices;

/// <summary>One office of the network directory, with its current triage policy.</summary>
public sealed class GetOffice(AccessPolicy access, IOfficeDirectory directory, ITriagePolicyStore policies)
{
    public sealed record Outcome(Office Office, TriagePolicy? Policy);

    public async Task<Result<Outcome>> HandleAsync(string officeId, CallContext call, CancellationToken cancellationToken)
    {
        if (access.Admit(UseCase.GetOffice, call.Caller) is { } denied)
        {
            return denied;
        }

        if (await directory.FindAsync(officeId, cancellationToken) is not { } office)
        {
            return Failure.NotFound("office");
        }

        return new Outcome(office, await policies.FindCurrentAsync(officeId, cancellationToken));
    }
}
