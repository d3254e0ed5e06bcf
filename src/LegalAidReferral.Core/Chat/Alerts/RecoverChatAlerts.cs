using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Core.Chat.Alerts;

/// <summary>
/// Syncs the alerts of the cases whose writer left its mark (it stopped between the change and the sync),
/// office by office, and removes those marks. Marks younger than <see cref="Grace"/> belong to writes that
/// may still be under way and are left to their writer. Runs on a timer.
/// </summary>
public sealed class RecoverChatAlerts(IOfficeDirectory offices, IAlertStore alerts, ChatAlertSync sync, TimeProvider clock)
{
    public const int BatchSize = 100;

    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    /// <summary>How many marks were recovered and how many alerts that raised.</summary>
    public sealed record Outcome(int Recovered, int Raised);

    public async Task<Outcome> RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - Grace;
        int recovered = 0, raised = 0;
        foreach (var office in await offices.ListAsync(cancellationToken))
        {
            IReadOnlyList<CaseAlertMark> marks;
            do
            {
                marks = await alerts.ListMarksAsync(office.Id, before, BatchSize, cancellationToken);
                foreach (var mark in marks)
                {
                    raised += await sync.SyncAsync(office.Id, mark.CaseId, cancellationToken);
                    await alerts.UnmarkCaseAsync(office.Id, mark.Id, cancellationToken);
                    recovered++;
                }
            }
            while (marks.Count == BatchSize);
        }

        return new Outcome(recovered, raised);
    }
}
