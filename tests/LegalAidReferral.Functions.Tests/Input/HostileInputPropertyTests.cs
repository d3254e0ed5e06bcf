using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Triage;
using LegalAidReferral.Functions.Cases;
using LegalAidReferral.Functions.Conflicts;
using LegalAidReferral.Functions.Offices;
using LegalAidReferral.Functions.Tests.Cases;
using LegalAidReferral.Functions.Triage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.Functions.Tests.Input;

/// <summary>
/// Generated hostile strings (unpaired surrogates, noncharacters, controls, bidi controls, invalid
/// UTF-8 bytes, lengths over the limit) in every string field of every write route, and in the
/// search text: never a 5xx, always a 400 naming the field, and nothing changed.
/// </summary>
public class HostileInputPropertyTests
{
    private const string Office = "gt-idpp-guatemala";
    private const string Defender = "gt-idpp-guatemala-defender";
    private const string Supervisor = "gt-idpp-guatemala-supervisor";
    private const string Admin = "gt-idpp-guatemala-admin";
    private const string Marker = "@@hostile@@";

    private const int Kinds = 7;

    // Enums, codes and dates have no length limit of their own: any long value is simply not one of them.
    private const int Enum = 40;
    private const int Code = 40;

    // Route, JSON path of the field, its limit, whether it allows line breaks.
    private static readonly Field[] Fields =
    [
        .. CaseDetailFields("intake"),
        new("intake", "channel", Enum, false),
        .. CaseDetailFields("patch"),
        new("status", "to", Enum, false),
        new("status", "reason", FieldLimits.LongText, true),
        new("consent", "purpose", Enum, false),
        new("consent", "officeId", FieldLimits.OfficeId, false),
        new("consent", "channel", Enum, false),
        new("consent", "language", FieldLimits.LanguageTag, false),
        new("consent", "evidenceDocumentId", FieldLimits.EvidenceDocumentId, false),
        new("consent", "evidenceReference", FieldLimits.EvidenceReference, false),
        new("withdraw", "channel", Enum, false),
        new("override", "decision", Enum, false),
        new("override", "priority", Enum, false),
        new("override", "reason", FieldLimits.LongText, true),
        new("outcome", "outcome", Enum, false),
        new("outcome", "note", FieldLimits.LongText, true),
        new("policy", "description", FieldLimits.PolicyDescription, true),
        new("policy", "criteria[0].id", Code, false),
        new("policy", "criteria[0].kind", Enum, false),
        new("policy", "criteria[0].countries[0]", Code, false),
        new("policy", "criteria[0].localities[0]", FieldLimits.Locality, false),
        new("policy", "criteria[1].legalIssues[0]", Enum, false),
        new("policy", "criteria[2].currency", Code, false),
        new("policy", "criteria[2].waivedFor[0]", Enum, false),
        new("policy", "criteria[2].appliesToLegalIssues[0]", Enum, false),
        new("policy", "priorityRules[0].id", Code, false),
        new("policy", "priorityRules[0].priority", Enum, false),
        new("policy", "priorityRules[0].anyVulnerability[0]", Enum, false),
        new("policy", "defaultPriority", Enum, false),
        new("search", "q", FieldLimits.SearchText, false),
    ];

    private static readonly char[] Unpaired = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF'];
    private static readonly string[] Noncharacters = ["\uFFFE", "\uFFFF", "\uFDD0", "\uFDEF", "\U0001FFFE", "\U0010FFFF"];
    private static readonly char[] Bidi = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
    private static readonly byte[][] InvalidUtf8 = [[0xFF], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]];

    [Fact]
    public async Task Hostile_strings_in_any_field_are_a_400_naming_the_field_and_change_nothing()
    {
        await using var world = await World.StartAsync();

        // Every field with every kind of hostile value once, then a generated sample.
        var exhaustive = Fields.SelectMany(f => Enumerable.Range(0, Kinds).Select(k => (f, Hostile(f, k, 3, 7))));
        var generated = Gen.Sample(
            from field in Gen.Elements(Fields)
            from kind in Gen.Choose(0, Kinds - 1)
            from position in Gen.Choose(0, 20)
            from pick in Gen.Choose(0, 1000)
            select (field, Hostile(field, kind, position, pick)),
            size: 20,
            seed: new Rnd(20261130UL, 0x9E3779B97F4A7C15UL),
            numberOfSamples: 400);

        foreach (var (field, value) in exhaustive.Concat(generated))
        {
            var (status, body) = await world.SendAsync(field, value);

            var context = $"{field.Route} {field.Path} {value.Description}";
            Assert.True(status == 400, $"{context}: {status} {body?.ToJsonString()}");
            var errors = body!["errors"]!.AsObject();
            Assert.True(errors.ContainsKey(field.Path), $"{context}: errors name {string.Join(", ", errors.Select(e => e.Key))}");
            await world.AssertUnchangedAsync(context);
        }
    }

    private static HostileValue Hostile(Field field, int kind, int position, int pick)
    {
        string Around(string bad) => "Ana" + new string('x', position) + bad + "Ruiz";
        return kind switch
        {
            0 => new(Around(Unpaired[pick % Unpaired.Length].ToString()), null, "unpaired surrogate"),
            1 => new(Around(Noncharacters[pick % Noncharacters.Length]), null, "noncharacter"),
            2 => new(Around(((char)(pick % 0x20 == '\n' ? 0x1B : pick % 0x20)).ToString()), null, "C0 control"),
            3 => new(Around(((char)(0x7F + (pick % 0x21))).ToString()), null, "DEL or C1 control"),
            4 => new(Around(Bidi[pick % Bidi.Length].ToString()), null, "bidi control"),
            5 => new(Around("x"), InvalidUtf8[pick % InvalidUtf8.Length], "invalid UTF-8"),
            _ => new(new string('a', field.Max + 1 + (pick % Math.Max(1, field.Max))), null, "too long"),
        };
    }

    private static IEnumerable<Field> CaseDetailFields(string route) =>
    [
        new(route, "client.fullName", FieldLimits.PersonName, false),
        new(route, "client.aliases[0]", FieldLimits.PersonName, false),
        new(route, "client.birthDate", Code, false),
        new(route, "client.nationalities[0]", Code, false),
        new(route, "client.languages[0]", FieldLimits.LanguageTag, false),
        new(route, "client.gender", FieldLimits.Gender, false),
        new(route, "client.contact.phone", FieldLimits.Phone, false),
        new(route, "client.contact.chat", FieldLimits.ChatHandle, false),
        new(route, "client.currentLocation.country", Code, false),
        new(route, "client.currentLocation.locality", FieldLimits.Locality, false),
        new(route, "client.identityDocuments[0].type", Enum, false),
        new(route, "client.identityDocuments[0].number", FieldLimits.DocumentNumber, false),
        new(route, "client.identityDocuments[0].issuingCountry", Code, false),
        new(route, "household.currency", Code, false),
        new(route, "vulnerabilities[0]", Enum, false),
        new(route, "vulnerabilityNotes", FieldLimits.LongText, true),
        new(route, "legalIssues[0].type", Enum, false),
        new(route, "legalIssues[0].description", FieldLimits.LongText, true),
        new(route, "keyDates.detentionDate", Code, false),
        new(route, "keyDates.hearingDate", Code, false),
        new(route, "keyDates.deadlines[0].date", Code, false),
        new(route, "keyDates.deadlines[0].description", FieldLimits.LongText, true),
        new(route, "adverseParties[0].name", FieldLimits.PersonName, false),
        new(route, "adverseParties[0].aliases[0]", FieldLimits.PersonName, false),
    ];

    private sealed record Field(string Route, string Path, int Max, bool Multiline);

    /// <summary>A hostile text; with <see cref="Bytes"/>, those raw bytes go into the middle of it on the wire.</summary>
    private sealed record HostileValue(string Text, byte[]? Bytes, string Description)
    {
        /// <summary>The value as a JSON string literal: every character outside printable ASCII escaped, so lone surrogates survive.</summary>
        public byte[] JsonLiteral()
        {
            var literal = new StringBuilder("\"");
            foreach (var c in Text)
            {
                literal.Append(c is >= ' ' and < '\u007f' and not '"' and not '\\' ? c.ToString() : $"\\u{(int)c:x4}");
            }

            var text = Encoding.ASCII.GetBytes(literal.Append('"').ToString());
            return Bytes is null ? text : [.. text[..4], .. Bytes, .. text[4..]];
        }
    }

    /// <summary>One office with a case that has a consent, a conflict check and a triage result, so every write route can be aimed at it.</summary>
    private sealed class World(FunctionHarness harness, Guid caseId, Guid consentId, long caseVersion, int policyVersion, int caseCount) : IAsyncDisposable
    {
        public static async Task<World> StartAsync()
        {
            var harness = new FunctionHarness();
            await harness.StartAsync();
            var (_, created) = await CallAsync(harness, "POST", Defender, Template("intake"), r => harness.Function<IntakeCaseFunction>().Run(r));
            var id = created!["id"]!.GetValue<string>();
            var (_, consent) = await CallAsync(harness, "POST", Defender, Template("consent"), r => harness.Function<RecordConsentFunction>().Run(r, id));
            await CallAsync(harness, "POST", Defender, null, r => harness.Function<RunConflictCheckFunction>().Run(r, id));
            await CallAsync(harness, "PUT", Defender, """{ "outcome": "none" }""", r => harness.Function<RecordConflictOutcomeFunction>().Run(r, id));
            await CallAsync(harness, "POST", Defender, null, r => harness.Function<RunTriageFunction>().Run(r, id));
            var stored = await Store(harness).FindAsync(Office, Guid.Parse(id), CancellationToken.None);
            Assert.Equal(CaseStatus.Triaged, stored!.Status);
            var policy = await harness.Provider.GetRequiredService<ITriagePolicyStore>().FindCurrentAsync(Office, CancellationToken.None);
            return new World(harness, stored.Id, Guid.Parse(consent!["id"]!.GetValue<string>()), stored.Version, policy!.Version, await CountAsync(harness));
        }

        public async Task<(int Status, JsonNode? Body)> SendAsync(Field field, HostileValue value)
        {
            var id = caseId.ToString();
            var body = Splice(Encoding.UTF8.GetBytes(Set(Template(field.Route), field.Path)), value.JsonLiteral());
            var (method, user) = field.Route switch
            {
                "patch" => ("PATCH", Defender),
                "outcome" or "policy" => ("PUT", field.Route == "policy" ? Admin : Defender),
                "override" => ("POST", Supervisor),
                _ => ("POST", Defender),
            };
            var request = harness.Request(
                method, user, body, field.Route == "patch" ? "application/merge-patch+json" : "application/json",
                field.Route is "intake" or "policy" or "search" ? null : new Dictionary<string, string> { ["If-Match"] = $"\"{caseVersion}\"" });
            Task<IActionResult> result = field.Route switch
            {
                "intake" => harness.Function<IntakeCaseFunction>().Run(request),
                "patch" => harness.Function<UpdateCaseFunction>().Run(request, id),
                "status" => harness.Function<ChangeCaseStatusFunction>().Run(request, id),
                "consent" => harness.Function<RecordConsentFunction>().Run(request, id),
                "withdraw" => harness.Function<WithdrawConsentFunction>().Run(request, id, consentId.ToString()),
                "override" => harness.Function<OverrideTriageFunction>().Run(request, id),
                "outcome" => harness.Function<RecordConflictOutcomeFunction>().Run(request, id),
                "search" => harness.Function<SearchCasesFunction>().Run(request),
                _ => harness.Function<UpdateOfficePolicyFunction>().Run(request, Office),
            };
            return await RunAsync(request, result);
        }

        public async Task AssertUnchangedAsync(string context)
        {
            Assert.True((await Store(harness).FindAsync(Office, caseId, CancellationToken.None))!.Version == caseVersion, $"{context}: the case changed");
            var policy = await harness.Provider.GetRequiredService<ITriagePolicyStore>().FindCurrentAsync(Office, CancellationToken.None);
            Assert.True(policy!.Version == policyVersion, $"{context}: the policy changed");
            Assert.True(await CountAsync(harness) == caseCount, $"{context}: a case was created");
        }

        public ValueTask DisposeAsync() => harness.DisposeAsync();

        private static ICaseStore Store(FunctionHarness harness) => harness.Provider.GetRequiredService<ICaseStore>();

        private static async Task<int> CountAsync(FunctionHarness harness) =>
            (await Store(harness).ListAsync(Office, new CaseQuery(null, null, null), new PageRequest(PageRequest.MaxLimit, null), CancellationToken.None)).Items.Count;

        private static async Task<(int Status, JsonNode? Body)> CallAsync(FunctionHarness harness, string method, string user, string? body, Func<HttpRequest, Task<IActionResult>> run)
        {
            var request = harness.Request(method, user, body);
            var (status, body2) = await RunAsync(request, run(request));
            Assert.True(status < 300, $"setup {method}: {status} {body2?.ToJsonString()}");
            return (status, body2);
        }

        private static async Task<(int Status, JsonNode? Body)> RunAsync(HttpRequest request, Task<IActionResult> result)
        {
            var (status, _, body) = await FunctionHarness.ExecuteAsync(await result, request);
            return (status, body);
        }

        private static byte[] Splice(byte[] body, byte[] literal)
        {
            var marker = Encoding.UTF8.GetBytes("\"" + Marker + "\"");
            var at = body.AsSpan().IndexOf(marker);
            return [.. body[..at], .. literal, .. body[(at + marker.Length)..]];
        }

        /// <summary>The route's valid template with the field at <paramref name="path"/> replaced by the marker.</summary>
        private static string Set(string template, string path)
        {
            var root = JsonNode.Parse(template)!;
            var steps = path.Replace("[", ".[", StringComparison.Ordinal).Split('.');
            var node = root;
            foreach (var step in steps[..^1])
            {
                node = step.StartsWith('[') ? node[int.Parse(step[1..^1], CultureInfo.InvariantCulture)]! : node[step]!;
            }

            var last = steps[^1];
            if (last.StartsWith('['))
            {
                node[int.Parse(last[1..^1], CultureInfo.InvariantCulture)] = Marker;
            }
            else
            {
                node[last] = Marker;
            }

            return root.ToJsonString();
        }
    }

    private static string Template(string route) => route switch
    {
        "intake" or "patch" => """
            {
              "client": {
                "fullName": "Cliente Ficticia Hostil", "aliases": ["Fici"], "birthDate": "1990-01-02", "nationalities": ["HN"], "languages": ["es"],
                "gender": "female", "contact": { "phone": "+50255500000", "chat": "fici" },
                "currentLocation": { "country": "GT", "locality": "Mixco" },
                "identityDocuments": [ { "type": "passport", "number": "HN1", "issuingCountry": "HN" } ]
              },
              "household": { "size": 2, "monthlyIncome": 900, "currency": "GTQ" },
              "vulnerabilities": ["detained"], "vulnerabilityNotes": "Notes",
              "legalIssues": [ { "type": "deportation", "description": "Removal" } ],
              "keyDates": { "detentionDate": "2026-01-02", "hearingDate": "2026-12-02", "deadlines": [ { "date": "2026-12-10", "description": "Appeal" } ] },
              "adverseParties": [ { "name": "Parte Ficticia", "aliases": ["Parti"] } ]
            }
            """,
        "status" => """{ "to": "open", "reason": "Taken on" }""",
        "consent" => """{ "purpose": "share-with-office", "officeId": "mx-ifdp-tapachula", "given": true, "channel": "in-person", "language": "es", "evidenceDocumentId": "doc-1", "evidenceReference": "form 7" }""",
        "withdraw" => """{ "channel": "phone" }""",
        "override" => """{ "decision": "eligible", "priority": "high", "reason": "Supervisor review" }""",
        "outcome" => """{ "outcome": "potential", "note": "Same surname" }""",
        "search" => """{ "q": "Ficticia", "limit": 10 }""",
        _ => """
            {
              "description": "Policy",
              "criteria": [
                { "id": "in-guatemala", "kind": "jurisdiction", "countries": ["GT"], "localities": ["Mixco"] },
                { "id": "mandate", "kind": "mandate", "legalIssues": ["deportation"] },
                { "id": "means", "kind": "means-test", "currency": "GTQ", "thresholds": [1000], "additionalMemberIncrement": 100, "waivedFor": ["child"], "appliesToLegalIssues": ["deportation"] },
                { "id": "conflict", "kind": "conflict-of-interest" }
              ],
              "priorityRules": [ { "id": "detained", "priority": "high", "anyVulnerability": ["detained"] } ],
              "defaultPriority": "normal",
              "referral": { "recommendOffices": true, "maxOffices": 3 }
            }
            """,
    };
}
