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

    /// <summary>Marks an open alert of the office seen by <paramref name="by"/> (the first acknowledgement stays); null if the office has no such open alert.</summary>
    Task<RaisedAlert?> AcknowledgeAsync(string officeId, Guid alertId, string by, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>An open missed-deadline alert as stored: when it was raised, and who first acknowledged it and when.</summary>
public sealed record RaisedAlert(MissedDeadlineAlert Alert, DateTimeOffset RaisedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy);
