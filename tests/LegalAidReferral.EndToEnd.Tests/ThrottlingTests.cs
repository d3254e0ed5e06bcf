using System.Net;
using System.Net.Http.Headers;

namespace LegalAidReferral.EndToEnd.Tests;

public class ThrottlingTests
{
    [Fact]
    public async Task Dev_token_is_limited_per_client_address_with_a_problem_and_Retry_After()
    {
        using var data = new TempFolder();
        await using var host = await StandaloneProcess.StartAsync(
            data.Path, "--Throttling:AnonymousPermitsPerSecond", "0.001", "--Throttling:AnonymousBurst", "2");
        using var http = host.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await http.PostAsync("/dev/token", new StringContent($$"""{"userId":"{{Samples.GuatemalaDefender}}"}""", new MediaTypeHeaderValue("application/json")));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(1000), last.Headers.RetryAfter?.Delta);
        Assert.Equal(
            "https://legalaidreferral.example/problems/too-many-requests",
            (await ApiSession.ReadObjectAsync(last))["type"]!.GetValue<string>());
    }
}
