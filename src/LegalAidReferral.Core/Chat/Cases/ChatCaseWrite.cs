using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Chat.Alerts;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Chat.Cases;

/// <summary>
/// The one way the chat use cases change a case's chat side: admitted by the access policy, through
/// <see cref="CaseMutation"/> (reach, optimistic concurrency), with one audit entry naming the change. A change
/// that opens or closes a hand-off or adds an erasure request keeps the office's alerts in step (<see cref="ChatAlertSync"/>).
/// </summary>
public sealed class ChatCaseWrite(AccessPolicy access, CaseMutation mutation, CaseAuditor auditor, ChatAlertSync alerts, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>As <see cref="ApplyAsync"/>, for a change that can raise or clear an alert of the case's office.</summary>
    public Task<Result<Case>> ApplyRaisingAlertsAsync(
        UseCase useCase, CallContext call, Guid caseId, AuditAction action, Func<Case, CaseChat, Result<CaseChat>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return alerts.AroundAsync(call.Caller.OfficeId, caseId, () => ApplyAsync(useCase, call, caseId, action, change, cancellationToken), cancellationToken);
    }

    public async Task<Result<Case>> ApplyAsync(
        UseCase useCase, CallContext call, Guid caseId, AuditAction action, Func<Case, CaseChat, Result<CaseChat>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (access.Admit(useCase, call.Caller) is { } denied)
        {
            return denied;
        }

        var now = clock.GetUtcNow();
        var result = await mutation.ApplyAsync(
            useCase,
            call.Caller,
            caseId,
            null,
            current =>
            {
                var changed = change(current, current.Chat ?? new CaseChat());
                return !changed.IsSuccess ? changed.Failure
                    : ReferenceEquals(changed.Value, current.Chat) ? current
                    : current.WithChat(changed.Value, now);
            },
            (_, after) => auditor.Entries(call, after.OfficeId, after.Id, action, "chat"),
            cancellationToken);
        return result.IsSuccess ? result.Value.After : result.Failure;
    }
}
