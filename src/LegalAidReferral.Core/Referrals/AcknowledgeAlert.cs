using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// Records that someone of the office has seen an open alert. The alert stays open until its step is
/// done: acknowledging says "we know", not "it is solved". Acknowledging again keeps the first record.
/// </summary>
public sealed class AcknowledgeAlert(AccessPolicy access, IAlertStore alerts, TimeProvider clock)
{
    public async Task<Result<RaisedAlert>> HandleAsync(Guid alertId, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (access.Admit(UseCase.AcknowledgeAlert, call.Caller) is { } denied)
        {
            return denied;
        }

        return await alerts.AcknowledgeAsync(call.Caller.OfficeId, alertId, call.Caller.Id, clock.GetUtcNow(), cancellationToken) is { } acknowledged
            ? acknowledged
            : Failure.NotFound("alert");
    }
}
