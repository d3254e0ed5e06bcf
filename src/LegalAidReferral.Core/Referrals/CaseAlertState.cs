namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// What one read of a case says about its alerts, for <see cref="IAlertStore.SyncCaseAsync"/>. Every part only
/// grows as the case changes (a closed hand-off stays closed, a later hand-off is opened after the earlier one
/// closed, an erasure request stays on the case), so syncing an older read after a newer one undoes nothing:
/// nothing is cleared because it is missing from a read.
/// </summary>
/// <param name="Open">The alerts to raise if never stored.</param>
/// <param name="Closed">The ids of alerts the read shows done (a closed hand-off): cleared if open.</param>
/// <param name="HandOffsBefore">The opening of the read's hand-off: every hand-off alert of the case due before it is of an earlier, closed hand-off, and is cleared.</param>
public sealed record CaseAlertState(IReadOnlyList<CaseAlert> Open, IReadOnlyList<Guid> Closed, DateTimeOffset? HandOffsBefore)
{
    /// <summary>A case that does not exist: nothing to raise or clear.</summary>
    public static readonly CaseAlertState None = new([], [], null);
}
