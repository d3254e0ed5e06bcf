using System.Text.Json.Nodes;
using LegalAidReferral.Core.Referrals.Protocol;
using LegalAidReferral.Functions.Cases;
using LegalAidReferral.Functions.Offices;
using LegalAidReferral.Functions.Referrals;
using LegalAidReferral.Functions.Tests.Cases;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.Functions.Tests.Offices;

public class ProtocolFunctionTests
{
    private const string Office = "mx-ifdp-tapachula";
    private const string Admin = "mx-ifdp-tapachula-admin";

    /// <summary>Valid settings: the defaults with two holidays and a tighter acknowledgement.</summary>
    private static JsonObject Settings() => JsonNode.Parse("""
        {
          "weekend": ["saturday", "sunday"],
          "holidays": [ { "date": "2026-12-25", "name": "Navidad" }, { "date": "2026-12-12", "name": "Día de la Virgen de Guadalupe" } ],
          "deadlines": {
            "acknowledge": { "businessDays": 1, "criticalHours": 12 },
            "decide": { "businessDays": 5, "criticalHours": 48 },
            "firstContact": { "businessDays": 3, "criticalHours": 24 },
            "outcomeReport": { "days": 30, "repeatEveryDays": 30 }
          },
          "notSuccessfulReasons": ["lack-of-capacity", "other"]
        }
        """)!.AsObject();

    [Fact]
    public async Task An_office_admin_stores_the_settings_as_the_next_version_and_everyone_reads_them()
    {
        await using var harness = await StartAsync();

        var (status, headers, body) = await PutAsync(harness, Admin, Settings());
        var (readStatus, readHeaders, read) = await GetAsync(harness, "gt-idpp-guatemala-defender");

        Assert.Equal(200, status);
        Assert.Equal("\"2\"", headers.ETag.ToString());
        Assert.Equal(2, body!["version"]!.GetValue<int>());
        Assert.Equal(Office, body["officeId"]!.GetValue<string>());
        Assert.Equal(Admin, body["updatedBy"]!.GetValue<string>());
        Assert.Equal(200, readStatus);
        Assert.Equal("\"2\"", readHeaders.ETag.ToString());
        Assert.Equal(["2026-12-12", "2026-12-25"], read!["holidays"]!.AsArray().Select(h => h!["date"]!.GetValue<string>()));
        Assert.Equal(["sunday", "saturday"], read["weekend"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(12, read["deadlines"]!["acknowledge"]!["criticalHours"]!.GetValue<int>());
        Assert.Equal(1, (await Store(harness).CurrentAsync(Office, default))!.Deadlines.Acknowledge.BusinessDays);
    }

    [Fact]
    public async Task Each_office_starts_with_the_defaults_as_version_1()
    {
        await using var harness = await StartAsync();

        var (status, headers, body) = await GetAsync(harness, Admin);

        Assert.Equal(200, status);
        Assert.Equal("\"1\"", headers.ETag.ToString());
        Assert.Equal(2, body!["deadlines"]!["acknowledge"]!["businessDays"]!.GetValue<int>());
        Assert.Equal(24, body["deadlines"]!["acknowledge"]!["criticalHours"]!.GetValue<int>());
        Assert.Equal(30, body["deadlines"]!["outcomeReport"]!["repeatEveryDays"]!.GetValue<int>());
        Assert.Null(body["updatedBy"]);
    }

    [Theory]
    [InlineData("mx-ifdp-tapachula-defender")]
    [InlineData("mx-ifdp-tapachula-supervisor")]
    [InlineData("gt-idpp-guatemala-admin")]
    [InlineData("aidef-reviewer")]
    public async Task Only_the_office_admin_of_that_office_changes_its_settings(string userId)
    {
        await using var harness = await StartAsync();

        var (status, _, body) = await PutAsync(harness, userId, Settings());

        Assert.Equal(403, status);
        Assert.EndsWith("/forbidden", body!["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, (await Store(harness).CurrentAsync(Office, default))!.Version);
    }

    [Theory]
    [InlineData("gt-idpp-guatemala-defender")]
    [InlineData("gt-idpp-guatemala-supervisor")]
    [InlineData("gt-idpp-guatemala-admin")]
    [InlineData("aidef-reviewer")]
    public async Task Every_role_of_any_office_reads_an_offices_settings(string userId)
    {
        await using var harness = await StartAsync();

        var (status, _, _) = await GetAsync(harness, userId);

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task An_unknown_office_is_404_to_readers()
    {
        await using var harness = await StartAsync();

        var (status, _, _) = await GetAsync(harness, Admin, "xx-nowhere");

        Assert.Equal(404, status);
    }

    [Theory]
    [InlineData("weekend", """["monday","tuesday","wednesday","thursday","friday","saturday","sunday"]""", "weekend")]
    [InlineData("weekend", """["saturday","caturday"]""", "weekend[1]")]
    [InlineData("weekend", "null", "weekend")]
    [InlineData("holidays", """[{"date":"2026-02-30","name":"Nunca"}]""", "holidays[0].date")]
    [InlineData("holidays", """[{"date":"2026-12-25","name":"Navidad"},{"date":"2026-12-25","name":"Otra"}]""", "holidays[1].date")]
    [InlineData("holidays", """[{"date":"2026-12-25","name":"  "}]""", "holidays[0].name")]
    [InlineData("holidays", "null", "holidays")]
    [InlineData("deadlines", """{"acknowledge":{"businessDays":0,"criticalHours":24},"decide":{"businessDays":5,"criticalHours":48},"firstContact":{"businessDays":3,"criticalHours":24},"outcomeReport":{"days":30,"repeatEveryDays":30}}""", "deadlines.acknowledge.businessDays")]
    [InlineData("deadlines", """{"acknowledge":{"businessDays":2,"criticalHours":241},"decide":{"businessDays":5,"criticalHours":48},"firstContact":{"businessDays":3,"criticalHours":24},"outcomeReport":{"days":30,"repeatEveryDays":30}}""", "deadlines.acknowledge.criticalHours")]
    [InlineData("deadlines", """{"acknowledge":{"businessDays":6,"criticalHours":24},"decide":{"businessDays":5,"criticalHours":48},"firstContact":{"businessDays":3,"criticalHours":24},"outcomeReport":{"days":30,"repeatEveryDays":30}}""", "deadlines.decide.businessDays")]
    [InlineData("deadlines", """{"acknowledge":{"businessDays":2,"criticalHours":24},"decide":{"businessDays":5,"criticalHours":12},"firstContact":{"businessDays":3,"criticalHours":24},"outcomeReport":{"days":30,"repeatEveryDays":30}}""", "deadlines.decide.criticalHours")]
    [InlineData("deadlines", """{"acknowledge":{"businessDays":2,"criticalHours":24},"decide":{"businessDays":5,"criticalHours":48},"outcomeReport":{"days":30,"repeatEveryDays":30}}""", "deadlines.firstContact")]
    [InlineData("deadlines", """{"acknowledge":{"businessDays":2,"criticalHours":24},"decide":{"businessDays":5,"criticalHours":48},"firstContact":{"businessDays":61,"criticalHours":24},"outcomeReport":{"days":30,"repeatEveryDays":30}}""", "deadlines.firstContact.businessDays")]
    [InlineData("deadlines", """{"acknowledge":{"businessDays":2,"criticalHours":24},"decide":{"businessDays":5,"criticalHours":48},"firstContact":{"businessDays":3,"criticalHours":24},"outcomeReport":{"days":366,"repeatEveryDays":30}}""", "deadlines.outcomeReport.days")]
    [InlineData("deadlines", """{"acknowledge":{"businessDays":2,"criticalHours":24},"decide":{"businessDays":5,"criticalHours":48},"firstContact":{"businessDays":3,"criticalHours":24},"outcomeReport":{"days":30}}""", "deadlines.outcomeReport.repeatEveryDays")]
    [InlineData("deadlines", "null", "deadlines")]
    [InlineData("notSuccessfulReasons", "[]", "notSuccessfulReasons")]
    [InlineData("notSuccessfulReasons", """["Lack of capacity"]""", "notSuccessfulReasons[0]")]
    [InlineData("notSuccessfulReasons", """["other","other"]""", "notSuccessfulReasons[1]")]
    [InlineData("unexpected", "true", "unexpected")]
    public async Task An_invalid_field_is_400_naming_it_and_nothing_is_saved(string field, string value, string reported)
    {
        await using var harness = await StartAsync();
        var settings = Settings();
        settings[field] = JsonNode.Parse(value);

        var (status, _, body) = await PutAsync(harness, Admin, settings);

        Assert.Equal(400, status);
        Assert.Contains(reported, body!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(1, (await Store(harness).CurrentAsync(Office, default))!.Version);
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        await using var harness = await StartAsync();
        var settings = Settings();
        settings["weekend"] = new JsonArray("funday");
        settings["holidays"] = JsonNode.Parse("""[{ "date": "25/12/2026", "name": "Navidad" }]""");
        settings["notSuccessfulReasons"] = new JsonArray();

        var (status, _, body) = await PutAsync(harness, Admin, settings);

        Assert.Equal(400, status);
        Assert.Equal(["holidays[0].date", "notSuccessfulReasons", "weekend[0]"], body!["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_stale_If_Match_is_412_and_the_current_one_or_a_star_is_accepted()
    {
        await using var harness = await StartAsync();

        var (first, _, _) = await PutAsync(harness, Admin, Settings(), ifMatch: "\"1\"");
        var (stale, _, staleBody) = await PutAsync(harness, Admin, Settings(), ifMatch: "\"1\"");
        var (current, _, _) = await PutAsync(harness, Admin, Settings(), ifMatch: "\"2\"");
        var (any, anyHeaders, _) = await PutAsync(harness, Admin, Settings(), ifMatch: "*");
        var (malformed, _, _) = await PutAsync(harness, Admin, Settings(), ifMatch: "4");

        Assert.Equal((200, 412, 200, 200, 400), (first, stale, current, any, malformed));
        Assert.EndsWith("/precondition-failed", staleBody!["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("\"4\"", anyHeaders.ETag.ToString());
        Assert.Equal(4, (await Store(harness).CurrentAsync(Office, default))!.Version);
    }

    [Fact]
    public async Task Of_two_concurrent_changes_from_the_same_version_one_wins_and_the_other_is_412()
    {
        await using var harness = await StartAsync();

        var results = await Task.WhenAll(
            PutAsync(harness, Admin, Settings(), ifMatch: "\"1\""),
            PutAsync(harness, Admin, Settings(), ifMatch: "\"1\""));

        Assert.Equal([200, 412], results.Select(r => r.Status).Order());
        Assert.Equal(2, (await Store(harness).CurrentAsync(Office, default))!.Version);
    }

    [Fact]
    public async Task Concurrent_changes_without_If_Match_each_become_a_version()
    {
        await using var harness = await StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PutAsync(harness, Admin, Settings())));

        Assert.All(results, r => Assert.Equal(200, r.Status));
        Assert.Equal([2, 3, 4, 5], results.Select(r => r.Body!["version"]!.GetValue<int>()).Order());
    }

    [Fact]
    public async Task A_settings_change_moves_no_open_deadline_and_applies_to_the_next_referral()
    {
        await using var harness = await StartAsync();
        var before = await SendReferralAsync(harness);
        var looser = Settings();
        looser["deadlines"]!["acknowledge"]!["businessDays"] = 20;
        looser["deadlines"]!["decide"]!["businessDays"] = 20;

        var (status, _, _) = await PutAsync(harness, Admin, looser);
        var after = await SendReferralAsync(harness);

        Assert.Equal(200, status);
        var request = harness.Request("GET", "gt-idpp-guatemala-defender");
        var (_, _, reread) = await FunctionHarness.ExecuteAsync(
            await harness.Function<GetReferralFunction>().Run(request, before["id"]!.GetValue<string>()), request);
        Assert.Equal(AcknowledgeDue(before), AcknowledgeDue(reread!));
        Assert.True(AcknowledgeDue(after) > AcknowledgeDue(before).AddDays(14), $"{AcknowledgeDue(after):O} vs {AcknowledgeDue(before):O}");
    }

    private static DateTimeOffset AcknowledgeDue(JsonNode referral) =>
        referral["deadlines"]!.AsArray().Single(d => d!["kind"]!.GetValue<string>() == "acknowledge")!["dueAt"]!.GetValue<DateTimeOffset>();

    /// <summary>A case of the Guatemala City office with consent to share with Tapachula, referred there; the outgoing copy.</summary>
    private static async Task<JsonNode> SendReferralAsync(FunctionHarness harness)
    {
        const string Defender = "gt-idpp-guatemala-defender";
        var intake = harness.Request("POST", Defender, new
        {
            client = new { fullName = "Cliente Ficticio Plazos", currentLocation = new { country = "GT", locality = "Ciudad de Guatemala" } },
            legalIssues = new[] { new { type = "asylum" } },
        });
        var (_, _, created) = await FunctionHarness.ExecuteAsync(await harness.Function<IntakeCaseFunction>().Run(intake), intake);
        var caseId = created!["id"]!.GetValue<string>();
        var consent = harness.Request("POST", Defender, new { purpose = "share-with-office", officeId = Office, given = true, channel = "in-person", language = "es" });
        await FunctionHarness.ExecuteAsync(await harness.Function<RecordConsentFunction>().Run(consent, caseId), consent);
        var send = harness.Request("POST", Defender, new { toOfficeId = Office, kind = "representation", reason = "The client moved to Tapachula", sharedFields = new[] { "client.fullName" } });
        var (status, _, referral) = await FunctionHarness.ExecuteAsync(await harness.Function<SendReferralFunction>().Run(send, caseId), send);
        Assert.Equal(201, status);
        return referral!;
    }

    private static async Task<FunctionHarness> StartAsync()
    {
        var harness = new FunctionHarness();
        await harness.StartAsync();
        return harness;
    }

    private static IProtocolSettingsStore Store(FunctionHarness harness) => harness.Provider.GetRequiredService<IProtocolSettingsStore>();

    private static async Task<(int Status, IHeaderDictionary Headers, JsonNode? Body)> PutAsync(
        FunctionHarness harness, string userId, JsonObject settings, string? ifMatch = null)
    {
        var request = harness.Request("PUT", userId, settings.ToJsonString(), headers: ifMatch is null ? null : new Dictionary<string, string> { ["If-Match"] = ifMatch });
        return await FunctionHarness.ExecuteAsync(await harness.Function<UpdateOfficeProtocolFunction>().Run(request, Office), request);
    }

    private static async Task<(int Status, IHeaderDictionary Headers, JsonNode? Body)> GetAsync(FunctionHarness harness, string userId, string office = Office)
    {
        var request = harness.Request("GET", userId);
        return await FunctionHarness.ExecuteAsync(await harness.Function<GetOfficeProtocolFunction>().Run(request, office), request);
    }
}
