using System.Net;
using System.Text.Json.Nodes;

namespace LegalAidReferral.EndToEnd.Tests;

public class CaseLifecycleTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_demo_case_history_starts_with_its_creation_by_the_demo_seed()
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var found = await ApiSession.ReadObjectAsync(await defender.SendAsync(HttpMethod.Post, "/api/cases/search", new JsonObject { ["q"] = "DEMO Ana Ejemplo" }));
        var id = Assert.Single(found["items"]!.AsArray())!["id"]!.GetValue<string>();

        var history = await ApiSession.ReadObjectAsync(await defender.SendAsync(HttpMethod.Get, $"/api/cases/{id}/history?limit=100"));

        var first = history["items"]!.AsArray()[0]!;
        Assert.Equal("case-created", first["action"]!.GetValue<string>());
        Assert.Equal("system:demo-seed", first["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Defender_takes_in_a_case_then_finds_corrects_moves_records_consent_and_sees_its_history()
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);

        // Intake
        var created = await defender.SendAsync(HttpMethod.Post, "/api/cases", Samples.Intake());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await ApiSession.ReadObjectAsync(created);
        var id = body["id"]!.GetValue<string>();
        Assert.Equal($"/api/cases/{id}", created.Headers.Location!.ToString());
        Assert.Matches(@"^GT-\d{4}-\d{6}$", body["reference"]!.GetValue<string>());
        Assert.Equal("intake", body["status"]!.GetValue<string>());
        Assert.True(created.Headers.Contains("X-Correlation-Id"));

        // Read
        var read = await defender.SendAsync(HttpMethod.Get, $"/api/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var etag = read.Headers.ETag!.ToString();
        Assert.Equal(created.Headers.ETag!.ToString(), etag);
        Assert.Equal(Samples.ClientName, (await ApiSession.ReadObjectAsync(read))["client"]!["fullName"]!.GetValue<string>());

        // Update with the current ETag
        var patch = new StringContent("""{ "client": { "gender": null, "languages": ["es", "mam"] } }""", System.Text.Encoding.UTF8, "application/merge-patch+json");
        var updated = await defender.SendAsync(HttpMethod.Patch, $"/api/cases/{id}", patch, new Dictionary<string, string> { ["If-Match"] = etag });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var updatedBody = await ApiSession.ReadObjectAsync(updated);
        Assert.Null(updatedBody["client"]!["gender"]);
        Assert.Equal(2, updatedBody["client"]!["languages"]!.AsArray().Count);
        var newEtag = updated.Headers.ETag!.ToString();
        Assert.NotEqual(etag, newEtag);

        // The old ETag is stale now
        var stale = await defender.SendAsync(
            HttpMethod.Patch, $"/api/cases/{id}",
            new StringContent("""{ "vulnerabilityNotes": "x" }""", System.Text.Encoding.UTF8, "application/merge-patch+json"),
            new Dictionary<string, string> { ["If-Match"] = etag });
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType!.MediaType);

        // Without If-Match: 428
        var missing = await defender.SendAsync(
            HttpMethod.Patch, $"/api/cases/{id}",
            new StringContent("""{ "vulnerabilityNotes": "x" }""", System.Text.Encoding.UTF8, "application/merge-patch+json"), null);
        Assert.Equal((HttpStatusCode)428, missing.StatusCode);

        // Status transitions: allowed, then refused
        var triaged = await defender.SendAsync(HttpMethod.Post, $"/api/cases/{id}/status", new { to = "triaged" });
        Assert.Equal(HttpStatusCode.OK, triaged.StatusCode);
        var opened = await defender.SendAsync(HttpMethod.Post, $"/api/cases/{id}/status", new { to = "open", reason = "Eligible" });
        Assert.Equal("open", (await ApiSession.ReadObjectAsync(opened))["status"]!.GetValue<string>());
        var refused = await defender.SendAsync(HttpMethod.Post, $"/api/cases/{id}/status", new { to = "intake" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.EndsWith("/invalid-transition", (await ApiSession.ReadObjectAsync(refused))["type"]!.GetValue<string>());

        // Consent: record, then withdraw
        var consent = await defender.SendAsync(HttpMethod.Post, $"/api/cases/{id}/consents", Samples.Consent());
        Assert.Equal(HttpStatusCode.Created, consent.StatusCode);
        var consentId = (await ApiSession.ReadObjectAsync(consent))["id"]!.GetValue<string>();
        var withdrawn = await defender.SendAsync(HttpMethod.Post, $"/api/cases/{id}/consents/{consentId}/withdraw", new { channel = "phone" });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.NotNull((await ApiSession.ReadObjectAsync(withdrawn))["withdrawnAt"]);
        var again = await defender.SendAsync(HttpMethod.Post, $"/api/cases/{id}/consents/{consentId}/withdraw", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var final = await ApiSession.ReadObjectAsync(await defender.SendAsync(HttpMethod.Get, $"/api/cases/{id}"));
        Assert.Equal(2, final["statusHistory"]!.AsArray().Count);
        Assert.False(final["consents"]![0]!["withdrawnAt"] is null);

        // History: who touched it, when, and what
        var history = await ApiSession.ReadObjectAsync(await defender.SendAsync(HttpMethod.Get, $"/api/cases/{id}/history?limit=100"));
        var actions = history["items"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ToArray();
        Assert.Equal("case-created", actions[0]);
        Assert.Contains("case-read", actions);
        Assert.Contains("case-updated", actions);
        Assert.Equal(2, actions.Count(a => a == "case-status-changed"));
        Assert.Contains("consent-recorded", actions);
        Assert.Contains("consent-withdrawn", actions);
        Assert.All(history["items"]!.AsArray(), e => Assert.Equal(Samples.GuatemalaDefender, e!["userId"]!.GetValue<string>()));
        var update = history["items"]!.AsArray().First(e => e!["action"]!.GetValue<string>() == "case-updated")!;
        Assert.Equal(["client.gender", "client.languages"], update["changes"]!.AsArray().Select(c => c!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Listing_pages_through_every_case_once_newest_first()
    {
        var defender = await fixture.SignInAsync(Samples.TapachulaDefender);
        var mine = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var intake = Samples.Intake($"Paging Ficticio {i}");
            intake["client"]!["currentLocation"] = new JsonObject { ["country"] = "MX" };
            mine.Add((await defender.CreateCaseAsync(intake))["id"]!.GetValue<string>());
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await ApiSession.ReadObjectAsync(await defender.SendAsync(HttpMethod.Post, "/api/cases/search", new { q = "paging", limit = 3, continuationToken = token }));
            seen.AddRange(page["items"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
            token = page["continuationToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(mine), seen);
    }

    [Fact]
    public async Task Same_idempotency_key_makes_one_case_and_a_different_body_with_it_is_a_conflict()
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var key = Guid.NewGuid().ToString();
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = key };

        var first = await defender.SendAsync(HttpMethod.Post, "/api/cases", Samples.Intake("Idempotent Ficticio"), headers);
        var second = await defender.SendAsync(HttpMethod.Post, "/api/cases", Samples.Intake("Idempotent Ficticio"), headers);
        var other = await defender.SendAsync(HttpMethod.Post, "/api/cases", Samples.Intake("Another Ficticio"), headers);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        var list = await ApiSession.ReadObjectAsync(await defender.SendAsync(HttpMethod.Post, "/api/cases/search", new { q = "idempotent", limit = 100 }));
        Assert.Single(list["items"]!.AsArray());
        Assert.Empty((await ApiSession.ReadObjectAsync(await defender.SendAsync(HttpMethod.Post, "/api/cases/search", new { q = "another ficticio" })))["items"]!.AsArray());
    }

    [Fact]
    public async Task Correlation_id_is_echoed_when_sent_and_generated_otherwise()
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);

        var echoed = await defender.SendAsync(HttpMethod.Get, "/api/offices", headers: new Dictionary<string, string> { ["X-Correlation-Id"] = "trace-123" });
        var generated = await defender.SendAsync(HttpMethod.Get, "/api/offices");

        Assert.Equal("trace-123", echoed.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Matches("^[0-9a-f]{32}$", generated.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task Directory_lists_the_seeded_network_offices()
    {
        var reviewer = await fixture.SignInAsync(Samples.Reviewer);

        var page = await ApiSession.ReadObjectAsync(await reviewer.SendAsync(HttpMethod.Get, "/api/offices?limit=100"));
        var offices = page["items"]!.AsArray();
        var one = await reviewer.SendAsync(HttpMethod.Get, $"/api/offices/{Samples.TapachulaOffice}");

        Assert.True(offices.Count >= 6);
        Assert.True(offices.Select(o => o!["country"]!.GetValue<string>()).Distinct().Count() >= 4);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var office = await ApiSession.ReadObjectAsync(one);
        Assert.Equal("MX", office["country"]!.GetValue<string>());
        Assert.Equal("MX", office["referencePrefix"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.SendAsync(HttpMethod.Get, "/api/offices/xx-unknown")).StatusCode);
    }

    [Fact]
    public async Task Health_is_anonymous_and_reports_storage()
    {
        var response = await ApiSession.Anonymous(fixture.Host.CreateClient()).SendAsync(HttpMethod.Get, "/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", (await ApiSession.ReadObjectAsync(response))["checks"]!["storage"]!.GetValue<string>());
    }
}
