using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Functions.Referrals;

/// <summary>
/// An open alert as the API shows it to its office: a missed deadline names its referral, deadline,
/// occurrence and the other office, and for the sending office its own case; a chat hand-off or an erasure
/// request names its case (id and reference, nothing personal).
/// </summary>
public sealed record AlertResource(
    Guid Id,
    string Kind,
    Guid? ReferralId,
    DeadlineKind? Deadline,
    int? Occurrence,
    string? OtherOfficeId,
    Guid? CaseId,
    string? CaseReference,
    DateTimeOffset DueAt,
    DateTimeOffset RaisedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy)
{
    public const string MissedDeadline = "missed-deadline";

    public static AlertResource Of(RaisedAlert raised)
    {
        ArgumentNullException.ThrowIfNull(raised);
        return raised.Alert switch
        {
            MissedDeadlineAlert missed => new(
                missed.Id, MissedDeadline, missed.ReferralId, missed.Deadline, missed.Occurrence, missed.OtherOfficeId, missed.CaseId, missed.CaseReference,
                missed.DueAt, raised.RaisedAt, raised.AcknowledgedAt, raised.AcknowledgedBy),
            CaseAlert onCase => new(
                onCase.Id, Kebab<CaseAlertKind>.Name(onCase.Kind), null, null, null, null, onCase.CaseId, onCase.CaseReference,
                onCase.DueAt, raised.RaisedAt, raised.AcknowledgedAt, raised.AcknowledgedBy),
            _ => throw new ArgumentException("An alert of an unknown kind.", nameof(raised)),
        };
    }
}
