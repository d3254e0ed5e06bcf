using System.Text.Json;
using System.Text.Json.Nodes;

namespace LegalAidReferral.EndToEnd.Tests.Contract;

/// <summary>The cross-field rules the service enforces are in the document's schemas, not only in prose.</summary>
public class DocumentRulesTests
{
    [Theory]
    [InlineData("LegalIssue", """{ "type": "other" }""", false)]
    [InlineData("LegalIssue", """{ "type": "other", "description": " " }""", false)]
    [InlineData("LegalIssue", """{ "type": "other", "description": "Land dispute" }""", true)]
    [InlineData("LegalIssue", """{ "type": "asylum" }""", true)]
    [InlineData("Household", """{ "size": 2, "monthlyIncome": 900 }""", false)]
    [InlineData("Household", """{ "size": 2, "monthlyIncome": 900, "currency": "GTQ" }""", true)]
    [InlineData("Household", """{ "size": 2, "monthlyIncome": null }""", true)]
    [InlineData("ConflictOutcomeRequest", """{ "outcome": "confirmed" }""", false)]
    [InlineData("ConflictOutcomeRequest", """{ "outcome": "none" }""", true)]
    [InlineData("ConsentRequest", """{ "purpose": "store-and-process", "officeId": "mx-ifdp-tapachula", "given": true, "channel": "chat", "language": "es" }""", false)]
    [InlineData("TriageOverrideRequest", """{ "decision": "eligible", "reason": "  " }""", false)]
    [InlineData("TriageCriterion", """{ "id": "means", "kind": "means-test", "currency": "GTQ", "additionalMemberIncrement": 0 }""", false)]
    [InlineData("TriageCriterion", """{ "id": "means", "kind": "means-test", "currency": "GTQ", "thresholds": [0], "additionalMemberIncrement": 0 }""", false)]
    [InlineData("TriageCriterion", """{ "id": "means", "kind": "means-test", "currency": "GTQ", "thresholds": [1500], "additionalMemberIncrement": 0 }""", true)]
    [InlineData("TriageCriterion", """{ "id": "where", "kind": "jurisdiction", "countries": ["GT"], "currency": "GTQ" }""", false)]
    [InlineData("TriageCriterion", """{ "id": "where", "kind": "jurisdiction", "countries": [] }""", false)]
    [InlineData("TriageCriterion", """{ "id": "where", "kind": "jurisdiction", "countries": ["GT"], "currency": null }""", true)]
    [InlineData("TriageCriterion", """{ "id": "what", "kind": "mandate" }""", false)]
    [InlineData("TriageCriterion", """{ "id": "conflict", "kind": "conflict-of-interest" }""", true)]
    [InlineData("TriageCriterion", """{ "id": "conflict", "kind": "astrology" }""", false)]
    [InlineData("PriorityRule", """{ "id": "urgent", "priority": "critical" }""", false)]
    [InlineData("PriorityRule", """{ "id": "urgent", "priority": "critical", "hearingWithinDays": null }""", false)]
    [InlineData("PriorityRule", """{ "id": "urgent", "priority": "critical", "hearingWithinDays": 400 }""", false)]
    [InlineData("PriorityRule", """{ "id": "urgent", "priority": "critical", "hearingWithinDays": 7 }""", true)]
    [InlineData("Weekend", """["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]""", false)]
    [InlineData("Weekend", """["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]""", true)]
    [InlineData("Weekend", """["friday", "friday"]""", true)]
    [InlineData("Weekend", """[]""", true)]
    [InlineData("Weekend", """["caturday"]""", false)]
    [InlineData("Holiday", """{ "date": "2026-02-30", "name": "Nunca" }""", false)]
    [InlineData("Holiday", """{ "date": "2026-12-25", "name": " " }""", false)]
    [InlineData("BusinessDaysDeadline", """{ "businessDays": 0, "criticalHours": 24 }""", false)]
    [InlineData("BusinessDaysDeadline", """{ "businessDays": 60, "criticalHours": 241 }""", false)]
    [InlineData("BusinessDaysDeadline", """{ "businessDays": 60, "criticalHours": 240 }""", true)]
    [InlineData("RecurringDeadline", """{ "days": 366, "repeatEveryDays": 30 }""", false)]
    [InlineData("NotSuccessfulReasons", """[]""", false)]
    [InlineData("NotSuccessfulReasons", """["other", "other"]""", false)]
    [InlineData("NotSuccessfulReasons", """["Lack of capacity"]""", false)]
    [InlineData("NotSuccessfulReasons", """["lack-of-capacity", "other"]""", true)]
    [InlineData("ProtocolSettingsRequest", """{ "weekend": [], "holidays": [], "notSuccessfulReasons": ["other"] }""", false)]
    public void Schema_accepts_what_the_service_accepts(string schema, string instance, bool valid)
    {
        using var json = JsonDocument.Parse(instance);

        var violations = OpenApiContract.Served.Violations(JsonNode.Parse($$"""{ "$ref": "#/components/schemas/{{schema}}" }""")!, json.RootElement);

        Assert.True(valid == (violations.Count == 0), string.Join('\n', violations.DefaultIfEmpty("valid")));
    }
}
