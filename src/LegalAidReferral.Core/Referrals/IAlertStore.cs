using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Referrals;

/// <summary>Port: the missed-deadline alerts each office has raised, open until the step is done or the referral ends.</summary>
public interface IAlertStore
{
    /// <summary>
    /// Makes the referral copy's stored open alerts those of <paramref name="open"/>: an alert not yet
    /// stored is raised at <paramref name="now"/> (once: its id is derived from the deadline), and a stored
    /// open alert no longer listed is cleared. Returns how many were raised.
    /// </summary>
    Task<int> SyncAsync(string officeId, Guid referralId, IReadOnlyList<MissedDeadlineAlert> open, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The office's open alerts, oldest due first.</summary>
    Task<Page<RaisedAlert>> ListOpenAsync(string officeId, PageRequest page, CancellationToken cancellationToken);
}

/// <summary>A missed-deadline alert as stored: when it was raised, and when it was cleared (null while open).</summary>
public sealed record RaisedAlert(MissedDeadlineAlert Alert, DateTimeOffset RaisedAt, DateTimeOffset? ClearedAt);
