using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Referrals;

/// <summary>The caller's office's open missed-deadline alerts, oldest due first, paged.</summary>
public sealed class ListAlerts(AccessPolicy access, IAlertStore alerts)
{
    public async Task<Result<Page<RaisedAlert>>> HandleAsync(PageRequest page, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return access.Admit(UseCase.ListAlerts, call.Caller) is { } denied
            ? denied
            : await alerts.ListOpenAsync(call.Caller.OfficeId, page, cancellationToken);
    }
}
