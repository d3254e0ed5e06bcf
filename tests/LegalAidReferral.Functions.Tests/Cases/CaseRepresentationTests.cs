using System.Text.Json.Nodes;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Functions.Cases;
using LegalAidReferral.Functions.Triage;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.Functions.Tests.Cases;

/// <summary>Case reads send a kept representation only while it is the stored version's, in the asked language.</summary>
public class CaseRepresentationTests
{
    private const string Defender = "gt-idpp-guatemala-defender";
    private const string Office = "gt-idpp-guatemala";

    private static object Intake() => new
    {
        client = new { fullName = "Rosalía Ficticia Monterroso", nationalities = new[] { "GT" } },
        legalIssues = new[] { new { type = "asylum" } },
    };

    [Fact]
    public async Task A_case_read_again_after_it_changed_shows_the_change_and_its_new_etag()
    {
        await using var harness = new FunctionHarness();
        await harness.StartAsync();
        var caseId = await CreateAsync(harness);
        var first = await GetAsync(harness, caseId, "en");
        Assert.Equal(first.Body, (await GetAsync(harness, caseId, "en")).Body);

        var store = harness.Provider.GetRequiredService<ICaseStore>();
        var stored = (await store.FindAsync(Office, Guid.Parse(caseId), CancellationToken.None))!;
        var triaged = stored.TransitionTo(CaseStatus.Triaged, null, "gt-idpp-guatemala-defender", stored.UpdatedAt.AddMinutes(1)).Value!;
        Assert.True(await store.TryReplaceAsync(triaged, stored.Version, [], CancellationToken.None));

        var second = await GetAsync(harness, caseId, "en");
        Assert.Equal(("\"1\"", "intake"), (first.ETag, first.Status));
        Assert.Equal(("\"2\"", "triaged"), (second.ETag, second.Status));
    }

    [Fact]
    public async Task A_triaged_case_read_in_two_languages_explains_its_triage_in_each()
    {
        await using var harness = new FunctionHarness();
        await harness.StartAsync();
        var caseId = await CreateAsync(harness);
        var triage = harness.Request("POST", Defender);
        var (triaged, _, _) = await FunctionHarness.ExecuteAsync(await harness.Function<RunTriageFunction>().Run(triage, caseId), triage);
        Assert.Equal(200, triaged);

        var english = await GetAsync(harness, caseId, "en");
        var spanish = await GetAsync(harness, caseId, "es");

        Assert.Equal(("en", "es"), (english.Language, spanish.Language));
        Assert.Equal(("en", "es"), (TriageLanguage(english.Body), TriageLanguage(spanish.Body)));
    }

    private static string TriageLanguage(string body) => JsonNode.Parse(body)!["triage"]!["language"]!.GetValue<string>();

    [Fact]
    public async Task A_full_cache_starts_again_and_still_answers_every_case()
    {
        await using var harness = new FunctionHarness();
        await harness.StartAsync();
        var store = harness.Provider.GetRequiredService<ICaseStore>();
        var cases = new List<Case>();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            cases.Add((await store.FindAsync(Office, Guid.Parse(await CreateAsync(harness)), CancellationToken.None))!);
        }

        var representations = new CaseRepresentations(capacity: 2);
        var bodies = cases.Select(c => representations.Of(c, "en")).ToArray();

        Assert.Same(bodies[2], representations.Of(cases[2], "en"));
        Assert.NotSame(bodies[0], representations.Of(cases[0], "en"));
        Assert.Equal(bodies[0].Utf8, representations.Of(cases[0], "en").Utf8);
    }

    [Fact]
    public async Task Cases_of_two_offices_with_one_id_and_version_keep_their_own_representation()
    {
        await using var harness = new FunctionHarness();
        await harness.StartAsync();
        var store = harness.Provider.GetRequiredService<ICaseStore>();
        var ours = (await store.FindAsync(Office, Guid.Parse(await CreateAsync(harness)), CancellationToken.None))!;
        var theirs = ours with { OfficeId = "mx-ifdp-tapachula", Reference = "MX-2026-000001" };
        var representations = new CaseRepresentations();

        var first = representations.Of(ours, "en");
        var second = representations.Of(theirs, "en");

        Assert.NotEqual(first.Utf8, second.Utf8);
    }

    private static async Task<string> CreateAsync(FunctionHarness harness)
    {
        var request = harness.Request("POST", Defender, Intake());
        var (_, _, body) = await FunctionHarness.ExecuteAsync(await harness.Function<IntakeCaseFunction>().Run(request), request);
        return body!["id"]!.GetValue<string>();
    }

    private static async Task<(string Body, string ETag, string Status, string Language)> GetAsync(FunctionHarness harness, string caseId, string language)
    {
        var request = harness.Request("GET", Defender, headers: new Dictionary<string, string> { ["Accept-Language"] = language });
        var (status, headers, body) = await FunctionHarness.ExecuteAsync(await harness.Function<GetCaseFunction>().Run(request, caseId), request);
        Assert.Equal(200, status);
        return (body!.ToJsonString(), headers.ETag.ToString(), body["status"]!.GetValue<string>(), headers.ContentLanguage.ToString());
    }
}
