using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.SignIn;
using LegalAidReferral.WebConsole.Time;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>
/// The work queue of a Tapachula defender at a fixed instant, its API answered by route: no referrals,
/// no cases and no offices (times in UTC) unless the test routes them (or, for the offices and referrals, passes them); the alerts are the test's.
/// </summary>
public abstract class QueueTestContext : ConsoleTestContext
{
    private const string EmptyPage = """{ "items": [], "continuationToken": null }""";

    /// <param name="offices">The answer to <c>GET /api/offices</c> (the directory keeps its first answer).</param>
    /// <param name="referrals">The answer to <c>GET /api/referrals</c>.</param>
    protected QueueTestContext(string language = "en", string offices = EmptyPage, string referrals = EmptyPage)
        : base(language)
    {
        var client = new ConsoleApi(new HttpClient(Routes) { BaseAddress = new Uri("http://console.test/") });
        Services.AddSingleton(client);
        Services.AddSingleton<ISignInSession>(new StaticSession(new StaffUser("mx-ifdp-tapachula-defender", "Defender", "mx-ifdp-tapachula", [RoleNames.Defender])));
        Services.AddSingleton(new OfficeDirectory(client));
        Services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero)));
        Routes.Route("GET", "api/referrals?", referrals);
        Routes.Route("GET", "api/cases?", EmptyPage);
        Routes.Route("GET", "api/offices?", offices);
    }

    protected RoutedApi Routes { get; } = new();

    /// <summary>An open erasure-request alert of a case, as <c>GET /api/alerts</c> lists it.</summary>
    protected static string Erasure(string id, string caseId, string caseReference, string? acknowledgedAt = null) => $$"""
        { "id": "{{id}}", "kind": "erasure-request", "referralId": null, "deadline": null, "occurrence": null, "otherOfficeId": null, "caseId": "{{caseId}}", "caseReference": "{{caseReference}}",
          "dueAt": "2026-12-31T10:00:00Z", "raisedAt": "2026-12-01T10:00:00Z", "acknowledgedAt": {{Json(acknowledgedAt)}}, "acknowledgedBy": {{Json(acknowledgedAt is null ? null : "mx-ifdp-tapachula-defender")}} }
        """;

    /// <summary>An open chat hand-off alert of a case.</summary>
    protected static string HandOff(string id, string caseId, string caseReference) => $$"""
        { "id": "{{id}}", "kind": "chat-hand-off", "referralId": null, "deadline": null, "occurrence": null, "otherOfficeId": null, "caseId": "{{caseId}}", "caseReference": "{{caseReference}}",
          "dueAt": "2026-12-01T10:00:00Z", "raisedAt": "2026-12-01T10:00:00Z", "acknowledgedAt": null, "acknowledgedBy": null }
        """;

    /// <summary>An open missed-deadline alert of a referral: the sending office's names its case, the receiving office's the other office only.</summary>
    protected static string Missed(
        string id, string referralId, string deadline, string dueAt, string? otherOfficeId = null, string? caseId = null, string? caseReference = null) => $$"""
        { "id": "{{id}}", "kind": "missed-deadline", "referralId": "{{referralId}}", "deadline": "{{deadline}}", "occurrence": 1,
          "otherOfficeId": {{Json(otherOfficeId)}}, "caseId": {{Json(caseId)}}, "caseReference": {{Json(caseReference)}},
          "dueAt": "{{dueAt}}", "raisedAt": "{{dueAt}}", "acknowledgedAt": null, "acknowledgedBy": null }
        """;

    /// <summary>A page of alerts.</summary>
    protected static string AlertPage(string? continuationToken, params string[] alerts) =>
        $$"""{ "items": [ {{string.Join(",\n", alerts)}} ], "continuationToken": {{Json(continuationToken)}} }""";

    private static string Json(string? value) => value is null ? "null" : $"\"{value}\"";
}
