namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// A missed protocol deadline, shown to one office (each office's copy raises its own). The id is
/// derived from the referral, office, deadline and occurrence, so raising it again finds the same alert.
/// It names what the office's own copy shows: the other office, and the sending office's case (never the
/// receiving office's, which has none, and nothing the referral does not give that office).
/// </summary>
/// <param name="Occurrence">1 for the deadline; 2, 3, ... for each later report a recurring deadline missed.</param>
/// <param name="OtherOfficeId">The office at the other end of the referral; null on alerts raised before it was kept.</param>
/// <param name="CaseId">The sending office's alert only: its case.</param>
/// <param name="CaseReference">The sending office's alert only: its case's reference (null on copies sent before it was kept).</param>
public sealed record MissedDeadlineAlert(
    Guid Id, string OfficeId, Guid ReferralId, DeadlineKind Deadline, int Occurrence, DateTimeOffset DueAt,
    string? OtherOfficeId = null, Guid? CaseId = null, string? CaseReference = null)
    : OfficeAlert(Id, OfficeId, DueAt);

/// <summary>Which missed-deadline alerts a copy of a referral has open at an instant.</summary>
public static class ReferralAlerts
{
    /// <summary>
    /// The alerts open at <paramref name="at"/> for the office holding <paramref name="copy"/>: one per
    /// deadline (and per missed occurrence of a recurring one) whose due time has passed while it is
    /// neither met nor cancelled. The deadline sweep raises those it has not raised yet (same id = same
    /// alert) and clears raised ones no longer listed: met late, or cancelled by a final step.
    /// </summary>
    public static IReadOnlyList<MissedDeadlineAlert> OpenAt(Referral copy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var alerts = new List<MissedDeadlineAlert>();
        foreach (var deadline in copy.Deadlines.Where(d => d.IsOpen))
        {
            for (var occurrence = 1; deadline.DueAtOccurrence(occurrence) <= at; occurrence++)
            {
                alerts.Add(new MissedDeadlineAlert(
                    IdOf(copy.Id, copy.HolderOfficeId, deadline.Kind, occurrence), copy.HolderOfficeId, copy.Id, deadline.Kind, occurrence,
                    deadline.DueAtOccurrence(occurrence), copy.OtherOfficeId, copy.CaseId, copy.CaseReference));
                if (deadline.RepeatEveryDays is null)
                {
                    break;
                }
            }
        }

        return alerts;
    }

    private static Guid IdOf(Guid referralId, string officeId, DeadlineKind kind, int occurrence) =>
        OfficeAlert.DeriveId($"missed-deadline:{referralId:D}:{officeId}:{kind}:{occurrence}");
}
