using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Functions.Referrals;

/// <summary>An open missed-deadline alert as the API shows it to its office.</summary>
public sealed record AlertResource(
    Guid Id,
    string Kind,
    Guid ReferralId,
    DeadlineKind Deadline,
    int Occurrence,
    DateTimeOffset DueAt,
    DateTimeOffset RaisedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy)
{
    public const string MissedDeadline = "missed-deadline";

    public static AlertResource Of(RaisedAlert raised) => new(
        raised.Alert.Id,
        MissedDeadline,
        raised.Alert.ReferralId,
        raised.Alert.Deadline,
        raised.Alert.Occurrence,
        raised.Alert.DueAt,
        raised.RaisedAt,
        raised.AcknowledgedAt,
        raised.AcknowledgedBy);
}
