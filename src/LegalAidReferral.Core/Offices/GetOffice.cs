using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Offices;

/// <summary>One office of the network directory.</summary>
public sealed class GetOffice(IOfficeDirectory directory)
{
    public async Task<Result<Office>> HandleAsync(string officeId, CallContext call, CancellationToken cancellationToken)
    {
        _ = call;
        return await directory.FindAsync(officeId, cancellationToken) is { } office ? office : Failure.NotFound("office");
    }
}
