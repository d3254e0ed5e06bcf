using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Offices;

namespace LegalAidReferral.Core.Referrals.Protocol;

/// <summary>
/// An office's current protocol settings. Any staff member of the network may read any office's:
/// the receiving office's deadlines bind the sending office's expectations too, and the settings
/// hold no personal data.
/// </summary>
public sealed class GetProtocolSettings(AccessPolicy access, IProtocolSettingsStore store, IOfficeDirectory offices)
{
    public async Task<Result<ProtocolSettings>> HandleAsync(string officeId, CallContext call, CancellationToken cancellationToken)
    {
        if (await access.CheckAsync(UseCase.GetProtocolSettings, call.Caller, new AccessTarget(officeId), cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await offices.FindAsync(officeId, cancellationToken) is null)
        {
            return Failure.NotFound("office");
        }

        return await store.CurrentAsync(officeId, cancellationToken) is { } settings ? settings : Failure.NotFound("office's protocol settings");
    }
}
