using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Core.Chat.Alerts;

/// <summary>
/// Keeps a case's alerts (<see cref="ChatCaseAlerts"/>) in step with the case, outbox-style: a change that
/// can raise or clear one is marked in the alert store before it is written, the alerts are synced from the
/// stored case after it, and the mark is then removed. A writer that stops in between leaves its mark, and
/// <see cref="RecoverChatAlerts"/> syncs that case later. Reading the case is this projection's own work,
/// not a person's read, so it is not audited (the change itself is).
/// </summary>
public sealed class ChatAlertSync(IAlertStore alerts, ICaseStore cases, TimeProvider clock)
{
    /// <summary>Runs <paramref name="change"/> of the office's case between a mark and the sync of the case's alerts.</summary>
    public async Task<Result<T>> AroundAsync<T>(string officeId, Guid caseId, Func<Task<Result<T>>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var mark = new CaseAlertMark(Guid.NewGuid(), caseId, clock.GetUtcNow());
        await alerts.MarkCaseAsync(officeId, mark, cancellationToken);
        var result = await change();
        if (!result.IsSuccess || (await SyncAsync(officeId, caseId, cancellationToken)).Settled)
        {
            await alerts.UnmarkCaseAsync(officeId, mark.Id, cancellationToken);
        }

        return result;
    }

    /// <summary>At most this many reads of a case per sync; a case still changing after them is left to the recovery timer.</summary>
    public const int MaxAttempts = 3;

    /// <summary>How many alerts a sync raised, and whether its last read was still the stored case (else its mark stays).</summary>
    public sealed record Synced(int Raised, bool Settled);

    /// <summary>
    /// Syncs the case's alerts with the stored case, again while the case changed meanwhile (up to
    /// <see cref="MaxAttempts"/> reads), so an alert an older read raised is cleared by the newer read that shows
    /// it done. A case that does not exist has no alerts.
    /// </summary>
    public async Task<Synced> SyncAsync(string officeId, Guid caseId, CancellationToken cancellationToken)
    {
        var raised = 0;
        var current = await cases.FindAsync(officeId, caseId, cancellationToken);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var state = current is null ? CaseAlertState.None : ChatCaseAlerts.Of(current);
            raised += await alerts.SyncCaseAsync(officeId, caseId, state, clock.GetUtcNow(), cancellationToken);
            var after = await cases.FindAsync(officeId, caseId, cancellationToken);
            if (after?.Version == current?.Version)
            {
                return new Synced(raised, true);
            }

            current = after;
        }

        return new Synced(raised, false);
    }
}
