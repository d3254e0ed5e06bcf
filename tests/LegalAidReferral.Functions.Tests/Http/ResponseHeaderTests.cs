using LegalAidReferral.Functions.Cases;
using LegalAidReferral.Functions.Operations;
using LegalAidReferral.Functions.Tests.Cases;

namespace LegalAidReferral.Functions.Tests.Http;

/// <summary>The headers the shared pipeline puts on function responses, so the Functions host sends them too.</summary>
public class ResponseHeaderTests
{
    private const string Defender = "gt-idpp-guatemala-defender";

    [Theory]
    [InlineData(Defender, 200)]
    [InlineData(null, 401)]
    public async Task Authenticated_route_is_not_stored_by_caches_and_not_sniffed_errors_included(string? userId, int expectedStatus)
    {
        await using var harness = new FunctionHarness();
        await harness.StartAsync();
        var request = harness.Request("GET", userId);

        var (status, headers, _) = await FunctionHarness.ExecuteAsync(await harness.Function<ListCasesFunction>().Run(request), request);

        Assert.Equal(expectedStatus, status);
        Assert.Equal("no-store", headers.CacheControl.ToString());
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
    }

    [Fact]
    public async Task OpenApi_document_may_be_cached_but_is_not_sniffed()
    {
        await using var harness = new FunctionHarness();
        var request = harness.Request("GET", userId: null);

        var (status, headers, _) = await FunctionHarness.ExecuteAsync(await harness.Function<OpenApiFunction>().Run(request), request);

        Assert.Equal(200, status);
        Assert.Empty(headers.CacheControl.ToString());
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
    }
}
