using System.Net;
using System.Text;

namespace LegalAidReferral.EndToEnd.Tests.Contract;

/// <summary>The checker itself, against canned answers: each kind of drift it must catch, and what it must let through.</summary>
public class ContractCheckingHandlerTests
{
    private const string CaseId = "0193a5b2-7c4e-7d2a-9f10-3b5c6d7e8f90";
    private const string Problem = """{"type":"https://legalaidreferral.example/problems/not-found","title":"Not found.","status":404,"detail":"d","traceId":"t","errors":null}""";
    private const string Validation = """{"type":"https://legalaidreferral.example/problems/validation","title":"t","status":400,"detail":"d","traceId":"t","errors":{"limit":["bad"]}}""";
    private const string Page = """{"items":[],"continuationToken":null}""";

    [Fact]
    public async Task A_documented_exchange_passes()
    {
        var response = await SendAsync(HttpMethod.Get, "/api/cases?limit=5", null, HttpStatusCode.OK, "application/json", Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_response_field_the_document_does_not_describe_is_drift()
    {
        var error = await Assert.ThrowsAsync<ContractViolationException>(() =>
            SendAsync(HttpMethod.Get, "/api/cases", null, HttpStatusCode.OK, "application/json", """{"items":[],"continuationToken":null,"total":0}"""));

        Assert.Contains("total", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_response_field_is_drift()
    {
        var error = await Assert.ThrowsAsync<ContractViolationException>(() =>
            SendAsync(HttpMethod.Get, "/api/cases", null, HttpStatusCode.OK, "application/json", """{"items":[]}"""));

        Assert.Contains("continuationToken", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(405)]
    [InlineData(409)]
    [InlineData(502)]
    public async Task A_status_the_operation_does_not_declare_is_drift(int status)
    {
        var error = await Assert.ThrowsAsync<ContractViolationException>(() =>
            SendAsync(HttpMethod.Get, $"/api/cases/{CaseId}", null, (HttpStatusCode)status, "application/problem+json", Problem.Replace("404", status.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));

        Assert.Contains($"status {status} is not declared", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_route_the_document_does_not_have_is_drift()
    {
        var error = await Assert.ThrowsAsync<ContractViolationException>(() =>
            SendAsync(HttpMethod.Delete, $"/api/cases/{CaseId}", null, HttpStatusCode.NotFound, "application/problem+json", Problem));

        Assert.Contains("not an operation of the document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_problem_sent_as_plain_json_is_drift()
    {
        await Assert.ThrowsAsync<ContractViolationException>(() =>
            SendAsync(HttpMethod.Get, $"/api/cases/{CaseId}", null, HttpStatusCode.NotFound, "application/json", Problem));
    }

    [Theory]
    [InlineData("/api/cases?limit=")]
    [InlineData("/api/cases?limit=0")]
    [InlineData("/api/cases?status=")]
    [InlineData("/api/cases?priority=someday")]
    public async Task A_request_the_document_calls_invalid_must_not_succeed(string path)
    {
        var error = await Assert.ThrowsAsync<ContractViolationException>(() =>
            SendAsync(HttpMethod.Get, path, null, HttpStatusCode.OK, "application/json", Page));

        Assert.Contains("the request is invalid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_the_document_calls_invalid_may_be_refused()
    {
        var response = await SendAsync(HttpMethod.Get, "/api/cases?limit=", null, HttpStatusCode.BadRequest, "application/problem+json", Validation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_breaks_the_request_schema_must_not_succeed()
    {
        var error = await Assert.ThrowsAsync<ContractViolationException>(() =>
            SendAsync(HttpMethod.Post, "/api/cases/search", """{"q":"ana","limit":"ten"}""", HttpStatusCode.OK, "application/json", Page));

        Assert.Contains("/limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_sign_in_outside_api_is_not_checked()
    {
        var response = await SendAsync(HttpMethod.Post, "/dev/token", "{}", HttpStatusCode.OK, "application/json", """{"accessToken":"x"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body, HttpStatusCode status, string contentType, string answer)
    {
        using var client = new HttpClient(new ContractCheckingHandler(OpenApiContract.Served, new CannedAnswer(status, contentType, answer)))
        {
            BaseAddress = new Uri("http://127.0.0.1"),
        };
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json") };
        return await client.SendAsync(request);
    }

    private sealed class CannedAnswer(HttpStatusCode status, string contentType, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType), RequestMessage = request };
            response.Headers.Add("X-Correlation-Id", "t");
            return Task.FromResult(response);
        }
    }
}
