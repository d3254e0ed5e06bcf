using System.Text.Json.Nodes;
using LegalAidReferral.Core.Triage;
using LegalAidReferral.Functions.Cases;
using LegalAidReferral.Functions.Offices;
using LegalAidReferral.Functions.Tests.Cases;
using LegalAidReferral.Functions.Triage;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.Functions.Tests.Triage;

public class TriageFunctionTests
{
    private const string Office = "gt-idpp-guatemala";
    private const string Defender = "gt-idpp-guatemala-defender";
    private const string Supervisor = "gt-idpp-guatemala-supervisor";
    private const string Admin = "gt-idpp-guatemala-admin";

    private static object Intake() => new
    {
        client = new { fullName = "Cliente Ficticio Uno", currentLocation = new { country = "GT", locality = "Ciudad de Guatemala" } },
        household = new { size = 2, monthlyIncome = 900, currency = "GTQ" },
        vulnerabilities = new[] { "detained" },
        legalIssues = new[] { new { type = "criminal-defense" } },
    };

    private static JsonObject Policy(string thresholds = "[1000, 1500, 2000]") => JsonNode.Parse($$"""
        {
          "criteria": [
            { "id": "in-guatemala", "kind": "jurisdiction", "countries": ["GT"] },
            { "id": "mandate", "kind": "mandate", "legalIssues": ["criminal-defense", "detention"] },
            { "id": "means-test", "kind": "means-test", "currency": "GTQ", "thresholds": {{thresholds}}, "additionalMemberIncrement": 400 },
            { "id": "conflict", "kind": "conflict-of-interest" }
          ],
          "defaultPriority": "normal",
          "referral": { "recommendOffices": true, "maxOffices": 3 }
        }
        """)!.AsObject();

    [Fact]
    public async Task Invalid_policy_is_rejected_with_every_field_and_nothing_is_saved()
    {
        await using var harness = await StartAsync();
        var before = (await Policies(harness).FindCurrentAsync(Office, CancellationToken.None))!.Version;
        var invalid = Policy("[1000, 900]");
        invalid.Remove("referral");

        var (status, _, body) = await PutPolicyAsync(harness, Admin, invalid);

        Assert.Equal(400, status);
        var errors = body!["errors"]!.AsObject();
        Assert.Contains("criteria[2].thresholds[1]", errors.Select(e => e.Key));
        Assert.Contains("referral", errors.Select(e => e.Key));
        Assert.Equal(before, (await Policies(harness).FindCurrentAsync(Office, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Each_policy_change_is_a_new_version_and_earlier_versions_are_kept()
    {
        await using var harness = await StartAsync();

        var (status, headers, body) = await PutPolicyAsync(harness, Admin, Policy());
        var (staleStatus, _, _) = await PutPolicyAsync(harness, Admin, Policy(), ifMatch: "\"1\"");

        Assert.Equal(200, status);
        Assert.Equal(2, body!["version"]!.GetValue<int>());
        Assert.Equal("\"2\"", headers.ETag.ToString());
        Assert.Equal(Admin, body["updatedBy"]!.GetValue<string>());
        Assert.Equal(412, staleStatus);
        Assert.NotNull(await Policies(harness).FindVersionAsync(Office, 1, CancellationToken.None));
        var office = harness.Request("GET", Defender);
        var (_, officeHeaders, officeBody) = await FunctionHarness.ExecuteAsync(await harness.Function<GetOfficeFunction>().Run(office, Office), office);
        Assert.Equal(2, officeBody!["policy"]!["version"]!.GetValue<int>());
        Assert.Equal("\"2\"", officeHeaders.ETag.ToString());
    }

    [Fact]
    public async Task Triage_moves_the_case_to_triaged_and_an_edit_of_its_inputs_makes_it_stale_until_run_again()
    {
        await using var harness = await StartAsync();
        await PutPolicyAsync(harness, Admin, Policy());
        var caseId = await CreateCaseAsync(harness);

        var (status, _, triage) = await TriageAsync(harness, Defender, caseId);
        Assert.Equal(200, status);

        // No conflict check has been recorded yet, so the only open criterion asks for it.
        Assert.Equal("needs-information", triage!["decision"]!.GetValue<string>());
        Assert.Equal("conflict.not-checked", triage["criteria"]![3]!["code"]!.GetValue<string>());
        Assert.Equal(Office, triage["policy"]!["officeId"]!.GetValue<string>());
        Assert.Equal(2, triage["policy"]!["version"]!.GetValue<int>());
        Assert.False(triage["stale"]!.GetValue<bool>());

        var read = await GetCaseAsync(harness, caseId);
        Assert.Equal("triaged", read["status"]!.GetValue<string>());
        var patch = harness.Request("PATCH", Defender, new { household = new { monthlyIncome = 5000 } }, "application/merge-patch+json",
            new Dictionary<string, string> { ["If-Match"] = $"\"{read["version"]}\"" });
        var (patchStatus, _, patched) = await FunctionHarness.ExecuteAsync(await harness.Function<UpdateCaseFunction>().Run(patch, caseId), patch);
        Assert.Equal(200, patchStatus);
        Assert.True(patched!["triage"]!["stale"]!.GetValue<bool>());

        var (_, _, again) = await TriageAsync(harness, Defender, caseId);
        Assert.False(again!["stale"]!.GetValue<bool>());
        Assert.Equal("not-eligible", again["decision"]!.GetValue<string>());
    }

    [Fact]
    public async Task Supervisor_override_keeps_the_original_result_and_a_defender_cannot_override()
    {
        await using var harness = await StartAsync();
        await PutPolicyAsync(harness, Admin, Policy());
        var caseId = await CreateCaseAsync(harness);
        await TriageAsync(harness, Defender, caseId);
        var body = new { decision = "not-eligible", priority = "low", reason = "Client already has private counsel" };

        var (defenderStatus, _, _) = await OverrideAsync(harness, Defender, caseId, body);
        var (status, _, result) = await OverrideAsync(harness, Supervisor, caseId, body);
        var (missingReason, _, problem) = await OverrideAsync(harness, Supervisor, caseId, new { decision = "eligible" });

        Assert.Equal(403, defenderStatus);
        Assert.Equal(200, status);
        Assert.Equal("needs-information", result!["decision"]!.GetValue<string>());
        Assert.Equal("not-eligible", result["effectiveDecision"]!.GetValue<string>());
        Assert.Equal("Client already has private counsel", result["override"]!["reason"]!.GetValue<string>());
        Assert.Equal(Supervisor, result["override"]!["by"]!.GetValue<string>());
        Assert.Equal(400, missingReason);
        Assert.Contains("reason", problem!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal("low", (await GetCaseAsync(harness, caseId))["priority"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("es-GT, en;q=0.5", "es")]
    [InlineData("fr;q=0.4, ht", "ht")]
    [InlineData("de, pt;q=0.1", "pt")]
    [InlineData("de", "en")]
    public async Task Explanations_are_rendered_in_the_language_asked_for(string acceptLanguage, string expected)
    {
        await using var harness = await StartAsync();
        await PutPolicyAsync(harness, Admin, Policy());
        var caseId = await CreateCaseAsync(harness);

        var (_, headers, triage) = await TriageAsync(harness, Defender, caseId, acceptLanguage);

        Assert.Equal(expected, triage!["language"]!.GetValue<string>());
        Assert.Equal(expected, headers.ContentLanguage.ToString());
        var criterion = triage["criteria"]![0]!;
        Assert.Equal(
            TriageExplanations.Render(criterion["code"]!.GetValue<string>(), new ExplanationArguments { Country = "GT" }, expected),
            criterion["explanation"]!.GetValue<string>());
        Assert.Equal(
            TriageExplanations.Label(TriageDecision.NeedsInformation, expected),
            triage["decisionLabel"]!.GetValue<string>());
    }

    [Fact]
    public async Task Triage_of_a_case_past_triaged_is_an_invalid_transition()
    {
        await using var harness = await StartAsync();
        var caseId = await CreateCaseAsync(harness);
        await TriageAsync(harness, Defender, caseId);
        var open = harness.Request("POST", Defender, new { to = "open" });
        await FunctionHarness.ExecuteAsync(await harness.Function<ChangeCaseStatusFunction>().Run(open, caseId), open);

        var (status, _, problem) = await TriageAsync(harness, Defender, caseId);

        Assert.Equal(409, status);
        Assert.EndsWith("/invalid-transition", problem!["type"]!.GetValue<string>());
    }

    private static async Task<FunctionHarness> StartAsync()
    {
        var harness = new FunctionHarness();
        await harness.StartAsync();
        return harness;
    }

    private static ITriagePolicyStore Policies(FunctionHarness harness) => harness.Provider.GetRequiredService<ITriagePolicyStore>();

    private static async Task<string> CreateCaseAsync(FunctionHarness harness)
    {
        var request = harness.Request("POST", Defender, Intake());
        var (_, _, body) = await FunctionHarness.ExecuteAsync(await harness.Function<IntakeCaseFunction>().Run(request), request);
        return body!["id"]!.GetValue<string>();
    }

    private static async Task<JsonNode> GetCaseAsync(FunctionHarness harness, string caseId)
    {
        var request = harness.Request("GET", Defender);
        var (_, _, body) = await FunctionHarness.ExecuteAsync(await harness.Function<GetCaseFunction>().Run(request, caseId), request);
        return body!;
    }

    private static async Task<(int, Microsoft.AspNetCore.Http.IHeaderDictionary, JsonNode?)> PutPolicyAsync(
        FunctionHarness harness, string userId, JsonObject policy, string? ifMatch = null)
    {
        var request = harness.Request("PUT", userId, policy, headers: ifMatch is null ? null : new Dictionary<string, string> { ["If-Match"] = ifMatch });
        return await FunctionHarness.ExecuteAsync(await harness.Function<UpdateOfficePolicyFunction>().Run(request, Office), request);
    }

    private static async Task<(int, Microsoft.AspNetCore.Http.IHeaderDictionary, JsonNode?)> TriageAsync(
        FunctionHarness harness, string userId, string caseId, string? acceptLanguage = null)
    {
        var request = harness.Request("POST", userId, headers: acceptLanguage is null ? null : new Dictionary<string, string> { ["Accept-Language"] = acceptLanguage });
        return await FunctionHarness.ExecuteAsync(await harness.Function<RunTriageFunction>().Run(request, caseId), request);
    }

    private static async Task<(int, Microsoft.AspNetCore.Http.IHeaderDictionary, JsonNode?)> OverrideAsync(
        FunctionHarness harness, string userId, string caseId, object body)
    {
        var request = harness.Request("POST", userId, body);
        return await FunctionHarness.ExecuteAsync(await harness.Function<OverrideTriageFunction>().Run(request, caseId), request);
    }
}
