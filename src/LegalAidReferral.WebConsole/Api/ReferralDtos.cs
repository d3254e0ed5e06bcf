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
    IReadOnlyList<string> AllowedActions, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version);

public sealed record ReferralPage(IReadOnlyList<Referral> Items, string? ContinuationToken);

public sealed record ReferralMessageRequest(string Text);

public sealed record ReferralMessage(string Id, string FromOfficeId, string AuthorUserId, DateTimeOffset At, string? Text, string Delivery);

public sealed record ReferralMessagePage(IReadOnlyList<ReferralMessage> Items, string? ContinuationToken);

public sealed record Alert(string Id, string Kind, string ReferralId, string Deadline, int Occurrence, DateTimeOffset DueAt, DateTimeOffset RaisedAt, DateTimeOffset? AcknowledgedAt);

public sealed record AlertPage(IReadOnlyList<Alert> Items, string? ContinuationToken);
