using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// Port: the alerts each office has to act on. Missed-deadline alerts are open until the step is done or
/// the referral ends; case alerts (chat hand-off, erasure request) follow the case's chat side, and the
/// marks say which cases' alerts may lag behind a change of the case (docs/chat.md, "Alerts").
/// </summary>
public interface IAlertStore
{
    /// <summary>
    /// Makes the referral copy's stored open alerts those of <paramref name="open"/>: an alert not yet
    /// stored is raised at <paramref name="now"/> (once: its id is derived from the deadline), and a stored
    /// open alert no longer listed is cleared. Returns how many were raised.
    /// </summary>
    Task<int> SyncAsync(string officeId, Guid referralId, IReadOnlyList<MissedDeadlineAlert> open, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Applies one read of a case to its alerts (<see cref="CaseAlertState"/>): an open alert never stored is
    /// raised at <paramref name="now"/> (an alert once cleared is not raised again), and the stored open alerts the
    /// read shows done are cleared. An alert missing from the read is left as it is, so a stale read cannot clear
    /// a newer alert. Returns how many were raised.
    /// </summary>
    Task<int> SyncCaseAsync(string officeId, Guid caseId, CaseAlertState state, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records, before a change of the case, that its alerts have to be synced after it.</summary>
    Task MarkCaseAsync(string officeId, CaseAlertMark mark, CancellationToken cancellationToken);

    /// <summary>Removes a mark once its case's alerts are synced; an unknown mark is ignored.</summary>
    Task UnmarkCaseAsync(string officeId, Guid markId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> of the office's marks made before <paramref name="before"/>, oldest first.</summary>
    Task<IReadOnlyList<CaseAlertMark>> ListMarksAsync(string officeId, DateTimeOffset before, int limit, CancellationToken cancellationToken);

    /// <summary>The office's open alerts of every kind, oldest due first.</summary>
    Task<Page<RaisedAlert>> ListOpenAsync(string officeId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>The office's open alert of any kind by its id; null if the office has no such open alert.</summary>
    Task<RaisedAlert?> FindOpenAsync(string officeId, Guid alertId, CancellationToken cancellationToken);

    /// <summary>
    /// Marks an open alert of the office seen by <paramref name="by"/> (the first acknowledgement stays); an
    /// erasure-request alert is cleared by it. Null if the office has no such open alert.
    /// </summary>
    Task<RaisedAlert?> AcknowledgeAsync(string officeId, Guid alertId, string by, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>An open alert as stored: when it was raised, and who first acknowledged it and when.</summary>
public sealed record RaisedAlert(OfficeAlert Alert, DateTimeOffset RaisedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy);

/// <summary>A change of a case under way whose alerts have to be synced (by the writer, else by the recovery timer).</summary>
public sealed record CaseAlertMark(Guid Id, Guid CaseId, DateTimeOffset MarkedAt);
