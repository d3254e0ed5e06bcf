using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace LegalAidReferral.EndToEnd.Tests;

public class BadInputTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Json = "application/json";

    public static TheoryData<string, string, string, int, string?> Cases()
    {
        var valid = Samples.Intake().ToJsonString();
        static string With(Action<JsonObject> spoil)
        {
            var body = Samples.Intake();
            spoil(body);
            return body.ToJsonString();
        }

        return new()
        {
            // route, content type, body, expected status, field named in errors
            { "intake", Json, "{ \"client\": ", 400, null },
            { "intake", Json, "[1, 2]", 400, "$" },
            { "intake", Json, "null", 400, "$" },
            { "intake", Json, With(b => b["household"]!["size"] = "three"), 400, "household.size" },
            { "intake", Json, With(b => b["client"]!["aliases"] = "Majo"), 400, "client.aliases" },
            { "intake", Json, With(b => b["client"]!.AsObject().Remove("fullName")), 400, "client.fullName" },
            { "intake", Json, With(b => b.Remove("legalIssues")), 400, "legalIssues" },
            { "intake", Json, With(b => b["vulnerabilities"] = new JsonArray("poverty")), 400, "vulnerabilities[0]" },
            { "intake", Json, With(b => b["legalIssues"]![0]!["type"] = "immigration"), 400, "legalIssues[0].type" },
            { "intake", Json, With(b => b["client"]!["birthDate"] = "2999-01-01"), 400, "client.birthDate" },
            { "intake", Json, With(b => b["unexpected"] = 1), 400, "unexpected" },
            { "intake", Json, With(b => b["channel"] = "fax"), 400, "channel" },
            { "intake", Json, With(b => b["client"]!["fullName"] = new string('a', 70_000)), 413, null },
            { "intake", Json, With(b => b["client"]!["fullName"] = "Ana\uFFFE Ruiz"), 400, "client.fullName" },
            { "intake", Json, With(b => b["client"]!["fullName"] = "Ana\u001B[2J\u0007Ruiz"), 400, "client.fullName" },
            { "intake", Json, With(b => b["client"]!["fullName"] = "Ana\u202Ezuri"), 400, "client.fullName" },
            { "intake", Json, With(b => b["client"]!["fullName"] = "Ana\u0000Ruiz"), 400, "client.fullName" },
            { "intake", Json, With(b => b["adverseParties"]![0]!["name"] = "Rodrigo\nSalazar"), 400, "adverseParties[0].name" },
            { "intake", Json, valid.Replace("\"gender\":\"female\"", "\"gender\":\"female\",\"gender\":\"male\"", StringComparison.Ordinal), 400, "client.gender" },
            { "intake", "text/plain", valid, 415, null },
            { "intake", "application/xml", valid, 415, null },
            { "patch", "application/merge-patch+json", "{ \"client\": { \"birthDate\": \"2999-01-01\" } }", 400, "client.birthDate" },
            { "patch", "application/merge-patch+json", "{ \"client\": { \"fullName\": null } }", 400, "client.fullName" },
            { "patch", "application/merge-patch+json", "{ \"household\": { \"size\": true } }", 400, "household.size" },
            { "patch", "application/merge-patch+json", "{ \"status\": \"open\" }", 400, "status" },
            { "patch", "application/merge-patch+json", "{ \"legalIssues\": [ { \"type\": \"nope\" } ] }", 400, "legalIssues[0].type" },
            { "patch", "application/merge-patch+json", "{ \"vulnerabilityNotes\": ", 400, null },
            { "patch", "application/merge-patch+json", "{ \"vulnerabilityNotes\": \"a\", \"vulnerabilityNotes\": \"b\" }", 400, "vulnerabilityNotes" },
            { "patch", "application/merge-patch+json", "{ \"client\": { \"gender\": \"f\", \"gender\": \"m\" } }", 400, "client.gender" },
            { "patch", "application/merge-patch+json", "{ \"client\": { \"fullName\": \"Ana \\ud800 Ruiz\" } }", 400, "client.fullName" },
            { "patch", "text/plain", "{}", 415, null },
            { "status", Json, "{ \"to\": \"archived\" }", 400, "to" },
            { "status", Json, "{ }", 400, "to" },
            { "status", Json, "{ \"to\": 3 }", 400, "to" },
            { "status", Json, "{ \"to\": \"not-eligible\" }", 400, "reason" },
            { "status", Json, "{ \"to\": \"open\", \"to\": \"closed\", \"reason\": \"r\" }", 400, "to" },
            { "status", Json, "{ \"to\": \"open\", \"reason\": \"\\u2066hidden\" }", 400, "reason" },
            { "status", "text/plain", "{ \"to\": \"triaged\" }", 415, null },
            { "consent", Json, "{ \"purpose\": \"share-with-office\", \"channel\": \"in-person\", \"language\": \"es\" }", 400, "given" },
            { "consent", Json, "{ \"purpose\": \"sell-data\", \"given\": true, \"channel\": \"in-person\", \"language\": \"es\" }", 400, "purpose" },
            { "consent", Json, "{ \"purpose\": \"share-with-office\", \"officeId\": \"zz-nowhere\", \"given\": true, \"channel\": \"in-person\", \"language\": \"es\" }", 400, "officeId" },
            { "consent", Json, "{ \"purpose\": \"store-and-process\", \"given\": \"yes\", \"channel\": \"in-person\", \"language\": \"es\" }", 400, "given" },
            { "consent", Json, "{ \"purpose\": \"store-and-process\", \"given\": true, \"channel\": \"pigeon\", \"language\": \"es\" }", 400, "channel" },
            { "consent", Json, "{ \"purpose\": \"store-and-process\", \"given\": true, \"channel\": \"chat\" }", 400, "language" },
            { "consent", Json, "{ \"purpose\": \"store-and-process\", \"given\": true, \"channel\": \"chat\", \"language\": \"es" + string.Concat(Enumerable.Repeat("-abcdefgh", 6000)) + "\" }", 400, "language" },
            { "consent", Json, "{ \"purpose\": \"store-and-process\", \"given\": true, \"channel\": \"chat\", \"language\": \"es\", \"evidenceReference\": \"form\\u0000\" }", 400, "evidenceReference" },
            { "consent", "text/plain", "{}", 415, null },
            { "withdraw", Json, "{ \"channel\": \"pigeon\" }", 400, "channel" },
            { "withdraw", Json, "{ \"channel\": ", 400, null },
            { "withdraw", "text/plain", "{}", 415, null },
            { "triage", Json, "{ \"force\": true }", 400, "force" },
            { "triage", Json, "[ ", 400, null },
            { "triage", "text/plain", "{}", 415, null },
            { "override", Json, "{ \"decision\": \"maybe\", \"reason\": \"r\" }", 400, "decision" },
            { "override", Json, "{ \"decision\": \"eligible\" }", 400, "reason" },
            { "override", Json, "{ \"decision\": \"eligible\", \"priority\": 1, \"reason\": \"r\" }", 400, "priority" },
            { "override", "text/plain", "{}", 415, null },
            { "outcome", Json, "{ \"outcome\": \"maybe\" }", 400, "outcome" },
            { "outcome", Json, "{ \"outcome\": \"confirmed\" }", 400, "note" },
            { "outcome", Json, "{ \"outcome\": ", 400, null },
            { "outcome", Json, "{ \"outcome\": \"potential\", \"note\": \"\\uFDD0\" }", 400, "note" },
            { "outcome", "text/plain", "{ \"outcome\": \"none\" }", 415, null },
            { "policy", Json, "{ \"criteria\": [] }", 400, null },
            { "policy", Json, "{ \"criteria\": [ { \"id\": \"x\", \"kind\": \"astrology\" } ] }", 400, "criteria[0].kind" },
            { "policy", Json, "{ \"criteria\": ", 400, null },
            { "policy", "text/plain", "{}", 415, null },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_a_problem_response_and_changes_nothing(string route, string contentType, string body, int status, string? field)
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var target = await defender.CreateCaseAsync();
        var caseId = target["id"]!.GetValue<string>();
        var consent = await ApiSession.ReadObjectAsync(await defender.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/consents", Samples.Consent()));
        await defender.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/conflict-check");
        await defender.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/triage");
        var before = await defender.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}");
        var etag = before.Headers.ETag!.ToString();
        var countBefore = await CountCasesAsync(defender);
        var officePath = $"/api/offices/{Samples.GuatemalaOffice}";
        var policyBefore = (await defender.SendAsync(HttpMethod.Get, officePath)).Headers.ETag!.ToString();
        var caller = route switch
        {
            "override" => await fixture.SignInAsync(Samples.GuatemalaSupervisor),
            "policy" => await fixture.SignInAsync(Samples.GuatemalaAdmin),
            _ => defender,
        };

        var (method, path) = route switch
        {
            "intake" => (HttpMethod.Post, "/api/cases"),
            "patch" => (HttpMethod.Patch, $"/api/cases/{caseId}"),
            "status" => (HttpMethod.Post, $"/api/cases/{caseId}/status"),
            "consent" => (HttpMethod.Post, $"/api/cases/{caseId}/consents"),
            "withdraw" => (HttpMethod.Post, $"/api/cases/{caseId}/consents/{consent["id"]}/withdraw"),
            "triage" => (HttpMethod.Post, $"/api/cases/{caseId}/triage"),
            "override" => (HttpMethod.Post, $"/api/cases/{caseId}/triage/override"),
            "outcome" => (HttpMethod.Put, $"/api/cases/{caseId}/conflict-check/outcome"),
            _ => (HttpMethod.Put, $"{officePath}/policy"),
        };
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var response = await caller.SendAsync(method, path, content, route == "policy" ? null : new Dictionary<string, string> { ["If-Match"] = etag });

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await ApiSession.ReadObjectAsync(response);
        Assert.StartsWith("https://legalaidreferral.example/problems/", problem["type"]!.GetValue<string>());
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["title"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(problem["traceId"]!.GetValue<string>()));
        Assert.DoesNotContain(Samples.ClientName, problem.ToJsonString(), StringComparison.Ordinal);
        if (status == 400)
        {
            var errors = problem["errors"]!.AsObject();
            Assert.NotEmpty(errors);
            if (field is not null)
            {
                Assert.True(errors.ContainsKey(field), $"errors has {string.Join(", ", errors.Select(e => e.Key))}, not {field}");
            }
        }

        var after = await defender.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}");
        Assert.Equal(etag, after.Headers.ETag!.ToString());
        Assert.Equal(countBefore, await CountCasesAsync(defender));
        Assert.Equal(policyBefore, (await defender.SendAsync(HttpMethod.Get, officePath)).Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Invalid_utf8_in_a_patch_is_a_400_naming_the_field_and_nothing_is_stored()
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var caseId = (await defender.CreateCaseAsync())["id"]!.GetValue<string>();
        var before = await defender.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}");
        var body = Encoding.UTF8.GetBytes("{ \"vulnerabilityNotes\": \"Notes ?? here\" }");
        body[Array.IndexOf(body, (byte)'?')] = 0xC3;
        body[Array.IndexOf(body, (byte)'?')] = 0x28;
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/merge-patch+json");

        var response = await defender.SendAsync(HttpMethod.Patch, $"/api/cases/{caseId}", content, new Dictionary<string, string> { ["If-Match"] = before.Headers.ETag!.ToString() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiSession.ReadObjectAsync(response))["errors"]!.AsObject().ContainsKey("vulnerabilityNotes"));
        var after = await defender.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}");
        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
        Assert.DoesNotContain("\uFFFD", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\uFFFE")]
    [InlineData("Ana\u202ERuiz")]
    [InlineData("Ana\u0000Ruiz")]
    public async Task Search_text_with_a_forbidden_character_is_a_400_naming_q(string q)
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);

        var response = await defender.SendAsync(HttpMethod.Post, "/api/cases/search", new JsonObject { ["q"] = q });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiSession.ReadObjectAsync(response))["errors"]!.AsObject().ContainsKey("q"));
    }

    [Fact]
    public async Task Every_wrong_field_of_a_body_is_reported_with_its_own_reason()
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var body = Samples.Intake();
        body["client"]!["fullName"] = 42;
        body["client"]!["birthDateApproximate"] = "yes";
        body["household"]!["size"] = "three";
        body["nickname"] = "Majo";

        var response = await defender.SendAsync(HttpMethod.Post, "/api/cases", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiSession.ReadObjectAsync(response))["errors"]!.AsObject();
        Assert.Equal(
            [("client.birthDateApproximate", "Must be true or false."), ("client.fullName", "Must be a string."), ("household.size", "Must be a whole number (within 32 bits)."), ("nickname", "Unknown field.")],
            errors.Select(e => (e.Key, e.Value![0]!.GetValue<string>())).Order());
    }

    [Theory]
    [InlineData("5")]
    [InlineData("")]
    [InlineData("\"\"")]
    public async Task A_malformed_If_Match_is_a_400_not_a_412(string ifMatch)
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var caseId = (await defender.CreateCaseAsync())["id"]!.GetValue<string>();
        var content = new StringContent("{ \"vulnerabilityNotes\": \"x\" }", Encoding.UTF8, "application/merge-patch+json");

        var response = await defender.SendAsync(HttpMethod.Patch, $"/api/cases/{caseId}", content, new Dictionary<string, string> { ["If-Match"] = ifMatch });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The If-Match header is not a valid ETag.", (await ApiSession.ReadObjectAsync(response))["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Routes_with_an_optional_body_accept_an_empty_body_sent_as_json()
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var caseId = (await defender.CreateCaseAsync())["id"]!.GetValue<string>();
        var consent = await ApiSession.ReadObjectAsync(await defender.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/consents", Samples.Consent()));
        await defender.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/conflict-check");
        static HttpContent Empty() => new ByteArrayContent([]) { Headers = { ContentType = new("application/json") } };

        var triage = await defender.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/triage", Empty(), null);
        var withdraw = await defender.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/consents/{consent["id"]}/withdraw", Empty(), null);

        Assert.Equal(HttpStatusCode.OK, triage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
    }

    [Fact]
    public async Task Two_hundred_bad_tokens_leave_a_few_log_lines_and_no_token()
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var anonymous = ApiSession.WithToken(fixture.Host.CreateClient(), "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXRoYXQtZG9lcy1ub3QtbWF0Y2g");
        var before = fixture.Host.Output.Count;

        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(HttpMethod.Get, "/api/cases")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await defender.SendAsync(HttpMethod.Get, "/api/cases?limit=1")).StatusCode);
        var lines = fixture.Host.Output.Skip(before).ToArray();
        Assert.InRange(lines.Length, 1, 10);
        Assert.DoesNotContain(lines, l => l.Contains("c2lnbmF0dXJl", StringComparison.Ordinal) || l.StartsWith("fail", StringComparison.Ordinal));
    }

    private static async Task<int> CountCasesAsync(ApiSession session)
    {
        var count = 0;
        string? token = null;
        do
        {
            var page = await ApiSession.ReadObjectAsync(await session.SendAsync(
                HttpMethod.Get, "/api/cases?limit=100" + (token is null ? string.Empty : $"&continuationToken={Uri.EscapeDataString(token)}")));
            count += page["items"]!.AsArray().Count;
            token = page["continuationToken"]?.GetValue<string>();
        }
        while (token is not null);

        return count;
    }
}
