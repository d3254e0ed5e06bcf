using LegalAidReferral.Functions.Cases;
using LegalAidReferral.Functions.Http;
using LegalAidReferral.Functions.Tests.Cases;
using Microsoft.AspNetCore.Http;

namespace LegalAidReferral.Functions.Tests.Http;

public class IfMatchTests
{
    private const string Defender = "gt-idpp-guatemala-defender";

    [Theory]
    [InlineData("*", 3L, true)]
    [InlineData("\"3\"", 3L, true)]
    [InlineData("\"3\"", 4L, false)]
    [InlineData("\"2\", \"3\"", 3L, true)]
    [InlineData("\"2\",\"4\"", 3L, false)]
    [InlineData("W/\"3\"", 3L, false)]
    [InlineData("W/\"3\", \"3\"", 3L, true)]
    [InlineData("\"03\"", 3L, false)]
    [InlineData("\"+3\"", 3L, false)]
    [InlineData("\"abc\"", 3L, false)]
    public void A_well_formed_header_becomes_the_versions_it_names(string header, long current, bool matches)
    {
        var expected = IfMatch.Read(RequestWith(header));

        Assert.NotNull(expected);
        Assert.Equal(matches, expected.Matches(current));
    }

    [Fact]
    public void No_header_is_no_precondition()
    {
        var request = new DefaultHttpContext().Request;

        Assert.False(IfMatch.IsMalformed(request));
        Assert.Null(IfMatch.Read(request));
    }

    [Theory]
    [InlineData("*, \"3\"")]
    [InlineData("\"3\",")]
    [InlineData("3")]
    public void Star_with_tags_a_trailing_comma_and_bare_numbers_are_malformed(string header) =>
        Assert.True(IfMatch.IsMalformed(RequestWith(header)));

    [Fact]
    public void The_tag_of_a_version_reads_back_as_that_version() =>
        Assert.True(IfMatch.Read(RequestWith(ETags.Of(42)))!.Matches(42));

    [Theory]
    [InlineData("*", 200)]
    [InlineData("\"7\", \"1\"", 200)]
    [InlineData("\"7\", W/\"1\"", 412)]
    public async Task A_case_action_applies_when_any_tag_matches_or_the_header_is_a_star(string ifMatch, int expected)
    {
        await using var harness = new FunctionHarness();
        await harness.StartAsync();
        var caseId = await CreateCaseAsync(harness);

        var request = harness.Request("POST", Defender, new { to = "triaged" }, headers: new Dictionary<string, string> { ["If-Match"] = ifMatch });
        var (status, _, _) = await FunctionHarness.ExecuteAsync(await harness.Function<ChangeCaseStatusFunction>().Run(request, caseId), request);

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task A_star_satisfies_the_If_Match_a_patch_requires()
    {
        await using var harness = new FunctionHarness();
        await harness.StartAsync();
        var caseId = await CreateCaseAsync(harness);

        var request = harness.Request(
            "PATCH", Defender, new { vulnerabilityNotes = "Seen by a doctor" }, "application/merge-patch+json", new Dictionary<string, string> { ["If-Match"] = "*" });
        var (status, headers, _) = await FunctionHarness.ExecuteAsync(await harness.Function<UpdateCaseFunction>().Run(request, caseId), request);

        Assert.Equal(200, status);
        Assert.Equal("\"2\"", headers.ETag.ToString());
    }

    private static HttpRequest RequestWith(string ifMatch)
    {
        var request = new DefaultHttpContext().Request;
        request.Headers[IfMatch.Header] = ifMatch;
        return request;
    }

    private static async Task<string> CreateCaseAsync(FunctionHarness harness)
    {
        var request = harness.Request("POST", Defender, new { client = new { fullName = "Cliente Ficticia Etiqueta" }, legalIssues = new[] { new { type = "asylum" } } });
        var (_, _, body) = await FunctionHarness.ExecuteAsync(await harness.Function<IntakeCaseFunction>().Run(request), request);
        return body!["id"]!.GetValue<string>();
    }
}
