using System.Text.Json.Nodes;

namespace LegalAidReferral.WebConsole.Api;

// The console's view of the referral and alert resources (checked against openapi.json by a test).

public sealed record ConsentOverride(string Reason);

public sealed record ReferralRequest(
    string ToOfficeId, string Kind, string? KindDescription, string Reason, IReadOnlyList<string> SharedFields,
    IReadOnlyList<string>? DocumentIds, ConsentOverride? ConsentOverride);

public sealed record ReferralActionRequest(string? Note, string? Reason, string? DefenderId, bool? Successful, string? ReasonNotSuccessful, string? ReasonCode = null);

public sealed record ReferralDeadline(string Kind, DateTimeOffset StartedAt, DateTimeOffset DueAt, DateTimeOffset? MetAt, DateTimeOffset? CancelledAt, bool IsOpen);

public sealed record ReferralStep(string Id, string Action, string Side, string? From, string To, DateTimeOffset At, string By, string? Note, string? Reason, string? ReasonCode);

public sealed record ReferralOutcome(bool Successful, string? ReasonNotSuccessful);

public sealed record Referral(
    string Id, string Direction, string? CaseId, string FromOfficeId, string ToOfficeId, string Kind, string? KindDescription,
    string Priority, string Reason, IReadOnlyList<string> SharedFields, JsonObject? Shared, IReadOnlyList<string> DocumentIds, string Status,
    string? AssignedDefenderId, ReferralOutcome? Outcome, IReadOnlyList<ReferralStep> Steps, IReadOnlyList<ReferralDeadline> Deadlines,
    IReadOnlyList<string> AllowedActions, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
{
    /// <summary>Incoming copy: when the client's withdrawn consent blanked <see cref="Shared"/>; null while the data stands.</summary>
    public DateTimeOffset? SharedWithdrawnAt { get; init; }
}

public sealed record ReferralPage(IReadOnlyList<Referral> Items, string? ContinuationToken);

public sealed record ReferralMessageRequest(string Text);

public sealed record ReferralMessage(string Id, string FromOfficeId, string AuthorUserId, DateTimeOffset At, string? Text, string Delivery);

public sealed record ReferralMessagePage(IReadOnlyList<ReferralMessage> Items, string? ContinuationToken);

/// <summary>An open alert: a missed deadline names its referral; a chat hand-off or an erasure request names its case.</summary>
public sealed record Alert(
    string Id, string Kind, string? ReferralId, string? Deadline, int? Occurrence, string? OtherOfficeId, string? CaseId, string? CaseReference,
    DateTimeOffset DueAt, DateTimeOffset RaisedAt, DateTimeOffset? AcknowledgedAt);

public sealed record AlertPage(IReadOnlyList<Alert> Items, string? ContinuationToken);
