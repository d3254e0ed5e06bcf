using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Core.Chat.Alerts;

/// <summary>
/// Syncs the alerts of the cases whose writer left its mark (it stopped between the change and the sync),
/// office by office, and removes those marks. Marks younger than <see cref="Grace"/> belong to writes that
/// may still be under way and are left to their writer. A mark whose sync fails stays for the next run and
/// is reported by ids; the other marks and offices are recovered all the same. Runs on a timer.
/// </summary>
public sealed class RecoverChatAlerts(IOfficeDirectory offices, IAlertStore alerts, ChatAlertSync sync, TimeProvider clock)
{
    public const int BatchSize = 100;

    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    /// <summary>How many marks were recovered, how many alerts that raised, and the marks whose sync failed.</summary>
    public sealed record Outcome(int Recovered, int Raised, IReadOnlyList<FailedMark> Failed);

    /// <summary>A mark left for the next run: ids and the exception's type only, nothing personal.</summary>
    public sealed record FailedMark(string OfficeId, Guid MarkId, Guid CaseId, string Error);

    public async Task<Outcome> RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - Grace;
        int recovered = 0, raised = 0;
        var failed = new List<FailedMark>();
        foreach (var office in await offices.ListAsync(cancellationToken))
        {
            IReadOnlyList<CaseAlertMark> marks;
            var recoveredInBatch = 0;
            do
            {
                marks = await alerts.ListMarksAsync(office.Id, before, BatchSize, cancellationToken);
                recoveredInBatch = 0;
                foreach (var mark in marks)
                {
                    try
                    {
                        var synced = await sync.SyncAsync(office.Id, mark.CaseId, cancellationToken);
                        raised += synced.Raised;
                        if (synced.Settled)
                        {
                            await alerts.UnmarkCaseAsync(office.Id, mark.Id, cancellationToken);
                            recovered++;
                            recoveredInBatch++;
                        }
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        failed.Add(new FailedMark(office.Id, mark.Id, mark.CaseId, exception.GetType().Name));
                    }
                }
            }
            while (marks.Count == BatchSize && recoveredInBatch > 0);
        }

        return new Outcome(recovered, raised, failed);
    }
}
