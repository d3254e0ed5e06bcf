using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LegalAidReferral.EndToEnd.Tests;

/// <summary>Signs in as a demo user through the dev endpoints and sends API requests as that user.</summary>
public sealed class ApiSession(HttpClient http, string? accessToken)
{
    public HttpClient Http { get; } = http;

    public static async Task<ApiSession> SignInAsync(HttpClient http, string userId)
    {
        var response = await http.PostAsJsonAsync("/dev/token", new { userId });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        return new ApiSession(http, token);
    }

    public static ApiSession Anonymous(HttpClient http) => new(http, null);

    public static ApiSession WithToken(HttpClient http, string token) => new(http, token);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, IDictionary<string, string>? headers = null)
    {
        var content = body switch
        {
            null => null,
            string raw => new StringContent(raw, Encoding.UTF8, "application/json"),
            HttpContent c => c,
            _ => JsonContent.Create(body),
        };
        return SendAsync(method, path, content, headers);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, IDictionary<string, string>? headers)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await Http.SendAsync(request);
    }

    public async Task<JsonObject> CreateCaseAsync(object? body = null, string? idempotencyKey = null)
    {
        var headers = idempotencyKey is null ? null : new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey };
        var response = await SendAsync(HttpMethod.Post, "/api/cases", body ?? Samples.Intake(), headers);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await ReadObjectAsync(response);
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static string ToJson(object value) => JsonSerializer.Serialize(value);
}
