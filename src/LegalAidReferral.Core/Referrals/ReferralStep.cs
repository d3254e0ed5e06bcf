namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// One step of a referral, as the side that took it recorded it: who (the caller id), when, the
/// note, what the action needed (reason, defender, outcome), the deadline it met and its due time,
/// and the deadlines it started with their due times. The same record travels to the other office,
/// which stores it unchanged, so both copies hold the same due times.
/// </summary>
/// <param name="From">The status of the taking side's copy before the step; null for <see cref="ReferralAction.Send"/>.</param>
/// <param name="Reason">Decline and revoke: the written reason (<see cref="ConsentWithdrawnReason"/> for the system's revoke); a decline may have none but its <see cref="ReasonCode"/>.</param>
/// <param name="DueAt">The due time of the deadline the step met (<paramref name="Meets"/>); null when it meets none.</param>
public sealed record ReferralStep(
    Guid Id,
    ReferralAction Action,
    ReferralSide Side,
    ReferralStatus? From,
    ReferralStatus To,
    DateTimeOffset At,
    string By,
    string? Note,
    string? Reason,
    string? DefenderId,
    ReferralOutcome? Outcome,
    DeadlineKind? Meets,
    DateTimeOffset? DueAt,
    IReadOnlyList<ReferralDeadline> Starts)
{
    /// <summary>The reason the system records when it revokes a referral because the client withdrew consent.</summary>
    public const string ConsentWithdrawnReason = "consent-withdrawn";

    /// <summary>Decline: the coded reason (required since coded reasons exist; null on declines recorded before).</summary>
    public DeclineReason? ReasonCode { get; init; }

    /// <summary>Null when the step met no deadline; else whether it was taken before the due time.</summary>
    public bool? WithinDeadline => DueAt is { } due ? At < due : null;

    /// <summary>The system revokes only when the client withdraws the consent the referral relied on.</summary>
    public bool WithdrawsConsent => Action == ReferralAction.Revoke && Side == ReferralSide.System;
}

/// <param name="ReasonNotSuccessful">A code of the receiving office's list (<c>ProtocolSettings.NotSuccessfulReasons</c>); null when successful.</param>
public sealed record ReferralOutcome(bool Successful, string? ReasonNotSuccessful);

/// <summary>
/// A protocol deadline, stored when the step that starts it is taken so a later change of the
/// protocol settings never moves it. <see cref="DueAt"/> is exclusive: a step at or after it is late.
/// A recurring deadline (the outcome report) falls due again every <see cref="RepeatEveryDays"/>
/// days after <see cref="DueAt"/> (whole 24-hour days) until it is met.
/// </summary>
public sealed record ReferralDeadline(
    DeadlineKind Kind,
    DateTimeOffset StartedAt,
    DateTimeOffset DueAt,
    int? RepeatEveryDays,
    DateTimeOffset? MetAt = null,
    DateTimeOffset? CancelledAt = null)
{
    public bool IsOpen => MetAt is null && CancelledAt is null;

    /// <summary>The due time of the <paramref name="occurrence"/>-th report (1 = the first).</summary>
    public DateTimeOffset DueAtOccurrence(int occurrence) =>
        occurrence == 1 ? DueAt : DueAt.AddDays((double)(occurrence - 1) * (RepeatEveryDays ?? throw new InvalidOperationException("The deadline does not recur.")));
}
