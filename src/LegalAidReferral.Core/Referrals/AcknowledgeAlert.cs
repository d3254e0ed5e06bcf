using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// Records that someone of the office has seen an open alert. The alert stays open until its step is
/// done: acknowledging says "we know", not "it is solved". Acknowledging again keeps the first record.
/// An erasure request's alert is cleared by it (the office has taken the request in hand), which is
/// recorded in the case's audit trail (<c>erasure-request-acknowledged</c>, naming the alert) before the
/// alert is cleared: if the record fails, the alert stays open and a retry records and clears it; if the
/// clearing fails after the record, a retry records it again. An acknowledgement that loses the race to
/// another one is recorded too and answered as not found.
/// </summary>
public sealed class AcknowledgeAlert(AccessPolicy access, IAlertStore alerts, CaseAuditor auditor, TimeProvider clock)
{
    public async Task<Result<RaisedAlert>> HandleAsync(Guid alertId, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (access.Admit(UseCase.AcknowledgeAlert, call.Caller) is { } denied)
        {
            return denied;
        }

        if (await alerts.FindOpenAsync(call.Caller.OfficeId, alertId, cancellationToken) is not { } open)
        {
            return Failure.NotFound("alert");
        }

        if (open.Alert is CaseAlert { Kind: CaseAlertKind.ErasureRequest } erasure)
        {
            await auditor.RecordAsync(
                call, erasure.OfficeId, [erasure.CaseId], AuditAction.ErasureRequestAcknowledged, [$"alert:{erasure.Id:D}"], cancellationToken);
        }

        return await alerts.AcknowledgeAsync(call.Caller.OfficeId, alertId, call.Caller.Id, clock.GetUtcNow(), cancellationToken) is { } acknowledged
            ? acknowledged
            : Failure.NotFound("alert");
    }
}
