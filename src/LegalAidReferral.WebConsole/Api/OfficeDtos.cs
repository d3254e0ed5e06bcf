using System.Text.Json.Nodes;

namespace LegalAidReferral.WebConsole.Api;

// The console's view of offices and their settings (checked against openapi.json by a test).

public sealed record TriagePolicy(
    string OfficeId, int Version, string? Description, JsonArray Criteria, JsonArray PriorityRules, string DefaultPriority,
    ReferralSettings Referral, DateTimeOffset? UpdatedAt, string? UpdatedBy);

public sealed record ReferralSettings(bool RecommendOffices, int MaxOffices);

public sealed record TriagePolicyRequest(string? Description, JsonArray Criteria, JsonArray PriorityRules, string DefaultPriority, ReferralSettings Referral);

public sealed record Office(
    string Id, string Name, string Institution, string Country, string Locality, string TimeZone, IReadOnlyList<string> Languages,
    IReadOnlyList<string> Mandate, bool AcceptsCrossBorderReferrals, bool DemoUnit, TriagePolicy? Policy);

public sealed record OfficePage(IReadOnlyList<Office> Items, string? ContinuationToken);

public sealed record Holiday(string Date, string Name);

public sealed record BusinessDaysDeadline(int BusinessDays, int CriticalHours);

public sealed record RecurringDeadline(int Days, int RepeatEveryDays);

public sealed record ProtocolDeadlines(BusinessDaysDeadline Acknowledge, BusinessDaysDeadline Decide, BusinessDaysDeadline FirstContact, RecurringDeadline OutcomeReport);

public sealed record ProtocolSettings(
    string OfficeId, int Version, IReadOnlyList<string> Weekend, IReadOnlyList<Holiday> Holidays, ProtocolDeadlines Deadlines,
    IReadOnlyList<string> NotSuccessfulReasons, DateTimeOffset? UpdatedAt, string? UpdatedBy);

public sealed record ProtocolSettingsRequest(IReadOnlyList<string> Weekend, IReadOnlyList<Holiday> Holidays, ProtocolDeadlines Deadlines, IReadOnlyList<string> NotSuccessfulReasons);

public sealed record Problem(string? Type, string? Title, int? Status, string? Detail, string? TraceId, IReadOnlyDictionary<string, string[]>? Errors);

public sealed record DevUser(string UserId, string DisplayName, IReadOnlyList<string> Roles, string OfficeId);

public sealed record DevTokenRequest(string UserId);

public sealed record DevToken(string AccessToken);
