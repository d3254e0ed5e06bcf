namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// Raises each missed protocol deadline once, on both offices' copies (each copy is swept for the
/// office that holds it), and clears an alert when its step is done or the referral ends. Runs on a
/// timer; running it twice at the same instant raises nothing the second time.
/// </summary>
public sealed class SweepDeadlines(IReferralStore referrals, IAlertStore alerts, TimeProvider clock)
{
    public const int PageSize = 200;

    /// <summary>How many copies were looked at and how many alerts were raised.</summary>
    public sealed record Outcome(int Swept, int Raised);

    public async Task<Outcome> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        int swept = 0, raised = 0;
        string? after = null;
        do
        {
            var page = await referrals.ListForSweepAsync(after, PageSize, cancellationToken);
            foreach (var copy in page.Items)
            {
                raised += await alerts.SyncAsync(copy.HolderOfficeId, copy.Id, ReferralAlerts.OpenAt(copy, now), now, cancellationToken);
                swept++;
            }

            after = page.ContinuationToken;
        }
        while (after is not null);

        return new Outcome(swept, raised);
    }
}
