using System.Net;
using System.Text.Json.Nodes;
using Bunit;
using LegalAidReferral.WebConsole.Pages.AdminParts;

namespace LegalAidReferral.WebConsole.Tests;

public sealed class PolicyEditorTests : ConsoleTestContext
{
    private const string Criteria = """
        [
          { "id": "in-guatemala", "kind": "jurisdiction", "countries": ["GT"], "localities": ["Mixco", "Ciudad de Guatemala"] },
          { "id": "mandate", "kind": "mandate", "legalIssues": ["deportation", "detention"] },
          { "id": "means", "kind": "means-test", "currency": "GTQ", "thresholds": [1000, 1500], "additionalMemberIncrement": 400, "waivedFor": ["detained"] },
          { "id": "conflict", "kind": "conflict-of-interest" }
        ]
        """;

    private const string Rules = """[ { "id": "detained-soon", "priority": "critical", "anyVulnerability": ["detained"], "hearingWithinDays": 7 } ]""";

    [Fact]
    public void Each_criterion_shows_the_fields_of_its_kind_and_each_rule_its_conditions()
    {
        Api.Answer(HttpStatusCode.OK, Office(version: 2, description: "Policy 2"), "\"2\"");

        var form = Render<PolicyEditor>(p => p.Add(c => c.OfficeId, "gt-idpp-guatemala"));

        form.WaitForAssertion(() => Assert.Equal("GT", form.Find("#f-criteria-0--countries").GetAttribute("value")));
        Assert.Equal("Mixco\nCiudad de Guatemala", form.Find("#f-criteria-0--localities").GetAttribute("value"));
        Assert.Empty(form.FindAll("#f-criteria-0--currency"));
        Assert.NotNull(form.Find("#f-criteria-1--legalIssues-deportation").GetAttribute("checked"));
        Assert.Null(form.Find("#f-criteria-1--legalIssues-asylum").GetAttribute("checked"));
        Assert.Equal("GTQ", form.Find("#f-criteria-2--currency").GetAttribute("value"));
        Assert.Equal("1500", form.Find("#f-criteria-2--thresholds-1-").GetAttribute("value"));
        Assert.Equal("Household of 2", form.Find("label[for=f-criteria-2--thresholds-1-]").TextContent);
        Assert.NotNull(form.Find("#f-criteria-2--waivedFor-detained").GetAttribute("checked"));
        Assert.Empty(form.FindAll("#f-criteria-3--countries"));
        Assert.Equal("7", form.Find("#f-priorityRules-0--hearingWithinDays").GetAttribute("value"));
        Assert.Null(form.Find("#f-priorityRules-0--deadlineWithinDays").GetAttribute("value"));
        Assert.All(form.FindAll("input:not([type=checkbox]), select, textarea"), input => Assert.NotEmpty(form.FindAll($"label[for={input.Id}]")));
    }

    [Fact]
    public void A_save_sends_each_criterion_with_only_its_kinds_fields_and_the_policys_etag()
    {
        Api.Answer(HttpStatusCode.OK, Office(version: 2, description: "Policy 2"), "\"2\"");
        Api.Answer(HttpStatusCode.OK, Policy(version: 3, description: "Policy 2"), "\"3\"");
        var form = Render<PolicyEditor>(p => p.Add(c => c.OfficeId, "gt-idpp-guatemala"));
        form.WaitForAssertion(() => form.Find("#f-criteria-0--countries"));

        form.Find("#f-criteria-0--countries").Change("gt, mx");
        form.Find("#f-criteria-0--kind").Change("mandate");
        form.Find("#f-criteria-0--kind").Change("jurisdiction");
        form.Find("#f-criteria-2--thresholds-1-").Change("1750.5");
        form.Find("#f-priorityRules-0--deadlineWithinDays").Change("3");
        form.Find("fluent-button").Click();

        form.WaitForAssertion(() => Assert.Equal("Saved.", form.Find("[role=status]").TextContent.Trim()));
        var put = Assert.Single(Api.Requests, r => r.Method == HttpMethod.Put);
        Assert.Equal("/api/offices/gt-idpp-guatemala/policy", put.Path);
        Assert.Equal("\"2\"", put.IfMatch);
        var body = JsonNode.Parse(put.Body!)!;
        var jurisdiction = body["criteria"]![0]!.AsObject();
        Assert.Equal(["id", "kind", "countries", "localities"], jurisdiction.Select(p => p.Key));
        Assert.Equal(["GT", "MX"], jurisdiction["countries"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(["deportation", "detention"], body["criteria"]![1]!["legalIssues"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal([1000m, 1750.5m], body["criteria"]![2]!["thresholds"]!.AsArray().Select(t => t!.GetValue<decimal>()));
        Assert.Equal(["id", "kind"], body["criteria"]![3]!.AsObject().Select(p => p.Key));
        Assert.Equal(3, body["priorityRules"]![0]!["deadlineWithinDays"]!.GetValue<int>());
        Assert.Equal(3, body["referral"]!["maxOffices"]!.GetValue<int>());
        Assert.Contains("3", form.Find("p.muted").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_are_added_and_removed_and_a_new_criterion_gets_the_fields_of_the_kind_chosen()
    {
        Api.Answer(HttpStatusCode.OK, Office(version: 2, description: "Policy 2"), "\"2\"");
        Api.Answer(HttpStatusCode.OK, Policy(version: 3, description: "Policy 2"), "\"3\"");
        var form = Render<PolicyEditor>(p => p.Add(c => c.OfficeId, "gt-idpp-guatemala"));
        form.WaitForAssertion(() => form.Find("#f-criteria-0--countries"));

        form.FindAll("button").Single(b => b.TextContent == "Remove criterion 1").Click();
        form.FindAll("button").Single(b => b.TextContent == "Add a criterion").Click();
        form.Find("#f-criteria-3--id").Change("second-means-test");
        form.Find("#f-criteria-3--kind").Change("means-test");
        form.Find("#f-criteria-3--currency").Change("usd");
        form.Find("#f-criteria-3--thresholds-0-").Change("800");
        form.FindAll("#f-criteria-3- button").Single(b => b.TextContent == "Add a threshold for a larger household").Click();
        form.Find("#f-criteria-3--thresholds-1-").Change("900");
        form.Find("#f-criteria-3--additionalMemberIncrement").Change("0");
        form.FindAll("button").Single(b => b.TextContent == "Remove priority rule 1").Click();
        Assert.Equal("No priority rules: every case gets the default priority.", form.Find("#f-priorityRules p.muted").TextContent);
        form.Find("fluent-button").Click();

        form.WaitForAssertion(() => Assert.Contains(Api.Requests, r => r.Method == HttpMethod.Put));
        var body = JsonNode.Parse(Api.Requests.Single(r => r.Method == HttpMethod.Put).Body!)!;
        Assert.Equal(["mandate", "means", "conflict", "second-means-test"], body["criteria"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        var added = body["criteria"]![3]!.AsObject();
        Assert.Equal("""{"id":"second-means-test","kind":"means-test","currency":"USD","thresholds":[800,900],"additionalMemberIncrement":0}""", added.ToJsonString());
        Assert.Empty(body["priorityRules"]!.AsArray());
    }

    [Fact]
    public void Every_error_of_the_api_appears_at_its_field_and_the_field_points_to_it()
    {
        Api.Answer(HttpStatusCode.OK, Office(version: 2, description: "Policy 2"), "\"2\"");
        Api.Answer(HttpStatusCode.BadRequest, """
            { "type": "https://legalaidreferral.example/problems/validation", "title": "The request is not valid.", "status": 400,
              "errors": {
                "criteria[0].countries[0]": ["An ISO 3166-1 alpha-2 country code in capitals, such as GT, is required."],
                "criteria[1].legalIssues": ["At least one legal issue type is required."],
                "criteria[2].thresholds[1]": ["A larger household cannot have a lower threshold than a smaller one."],
                "criteria": ["A policy needs a 'conflict-of-interest' criterion."],
                "priorityRules[0]": ["A rule needs at least one condition."],
                "priorityRules[0].priority": ["A rule can only raise the priority above the default 'normal'."],
                "referral.maxOffices": ["A whole number from 1 to 10 is required."] } }
            """);
        var form = Render<PolicyEditor>(p => p.Add(c => c.OfficeId, "gt-idpp-guatemala"));
        form.WaitForAssertion(() => form.Find("#f-criteria-0--countries"));

        form.Find("fluent-button").Click();

        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll(".field-error")));
        AssertErrorAt(form, "criteria[0].countries", "such as GT");
        AssertErrorAt(form, "criteria[2].thresholds[1]", "lower threshold");
        AssertErrorAt(form, "priorityRules[0].priority", "only raise");
        AssertErrorAt(form, "referral.maxOffices", "from 1 to 10");
        Assert.Contains("legal issue type", form.Find("#e-criteria-1--legalIssues").TextContent, StringComparison.Ordinal);
        Assert.Equal("e-criteria-1--legalIssues", form.Find("#f-criteria-1--legalIssues").GetAttribute("aria-describedby"));
        Assert.Equal("true", form.Find("#f-criteria-1--legalIssues-asylum").GetAttribute("aria-invalid"));
        Assert.Contains("conflict-of-interest", form.Find("#e-criteria").TextContent, StringComparison.Ordinal);
        Assert.Contains("at least one condition", form.Find("#e-priorityRules-0-").TextContent, StringComparison.Ordinal);
        Assert.Equal("e-priorityRules-0-", form.Find("#f-priorityRules-0-").GetAttribute("aria-describedby"));
        Assert.Null(form.Find("#f-criteria-2--thresholds-0-").GetAttribute("aria-invalid"));
        var links = form.FindAll("[role=alert] a").Select(a => a.GetAttribute("href")!.Split('#')[1]).ToList();
        Assert.Contains("f-criteria-0--countries", links);
        Assert.Contains("f-criteria-2--thresholds-1-", links);
        Assert.All(links, target => Assert.Single(form.FindAll($"#{target}")));
    }

    [Fact]
    public void A_stale_save_names_what_the_other_version_changed_keeps_the_typing_and_the_next_save_carries_the_new_etag()
    {
        Api.Answer(HttpStatusCode.OK, Office(version: 2, description: "Policy 2"), "\"2\"");
        Api.Answer(HttpStatusCode.PreconditionFailed, """{ "type": "https://legalaidreferral.example/problems/precondition-failed", "status": 412, "title": "The resource has changed." }""");
        Api.Answer(HttpStatusCode.OK, Office(version: 3, description: "Their policy", maxOffices: 5), "\"3\"");
        var form = Render<PolicyEditor>(p => p.Add(c => c.OfficeId, "gt-idpp-guatemala"));
        form.WaitForAssertion(() => form.Find("#f-description"));

        form.Find("#f-description").Change("My policy");
        form.Find("fluent-button").Click();

        form.WaitForAssertion(() => Assert.Contains("Someone else saved version 3 of the policy", form.Find("#policy-stale").TextContent, StringComparison.Ordinal));
        Assert.Equal(["description", "referral.maxOffices"], form.FindAll("#policy-stale li").Select(li => li.TextContent.Trim()));
        Assert.Equal("My policy", form.Find("#f-description").GetAttribute("value"));
        Assert.Equal("3", form.Find("#f-referral-maxOffices").GetAttribute("value"));
        Assert.Equal("", form.Find("[role=status]").TextContent.Trim());

        Api.Answer(HttpStatusCode.OK, Policy(version: 4, description: "My policy"), "\"4\"");
        form.Find("fluent-button").Click();

        form.WaitForAssertion(() => Assert.Equal("Saved.", form.Find("[role=status]").TextContent.Trim()));
        Assert.Equal(["\"2\"", "\"3\""], Api.Requests.Where(r => r.Method == HttpMethod.Put).Select(r => r.IfMatch));
        Assert.Empty(form.FindAll("#policy-stale"));
    }

    [Fact]
    public void A_second_click_while_the_save_is_on_its_way_sends_nothing_and_the_button_is_disabled_until_it_ends()
    {
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Api.Answer(HttpStatusCode.OK, Office(version: 2, description: "Policy 2"), "\"2\"");
        Api.Answer(HttpStatusCode.OK, Policy(version: 3, description: "Policy 2"), "\"3\"", answer.Task);
        var form = Render<PolicyEditor>(p => p.Add(c => c.OfficeId, "gt-idpp-guatemala"));
        form.WaitForAssertion(() => form.Find("#f-description"));

        DoubleClick.WhileOnItsWay(form, () => form.Find("fluent-button"), answer);

        form.WaitForAssertion(() => Assert.Equal("Saved.", form.Find("[role=status]").TextContent.Trim()));
        Assert.Single(Api.Requests, r => r.Method == HttpMethod.Put);
        Assert.Empty(form.FindAll("#policy-stale"));
        Assert.Null(form.Find("fluent-button").GetAttribute("disabled"));
    }

    private static void AssertErrorAt(IRenderedComponent<PolicyEditor> form, string field, string text)
    {
        var id = Components.FieldIds.Input(field);
        var input = form.Find($"#{id}");
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        var error = form.Find($"#{input.GetAttribute("aria-describedby")}");
        Assert.Contains(text, error.TextContent, StringComparison.Ordinal);
    }

    private static string Office(int version, string description, int maxOffices = 3) => $$"""
        { "id": "gt-idpp-guatemala", "name": "IDPP Guatemala", "institution": "IDPP", "country": "GT", "locality": "Ciudad de Guatemala",
          "timeZone": "America/Guatemala", "languages": ["es"], "mandate": ["deportation"], "acceptsCrossBorderReferrals": true, "demoUnit": false,
          "policy": {{Policy(version, description, maxOffices)}} }
        """;

    private static string Policy(int version, string description, int maxOffices = 3) => $$"""
        { "officeId": "gt-idpp-guatemala", "version": {{version}}, "description": "{{description}}", "criteria": {{Criteria}}, "priorityRules": {{Rules}},
          "defaultPriority": "normal", "referral": { "recommendOffices": true, "maxOffices": {{maxOffices}} },
          "updatedAt": "2026-12-01T15:00:00+00:00", "updatedBy": "gt-idpp-guatemala-admin" }
        """;
}
