using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace LegalAidReferral.EndToEnd.Tests.Chat;

/// <summary>A conversation on the host's local Direct Line, spoken over plain HTTP as the Bot Framework clients do.</summary>
public sealed class DirectLineSession(HttpClient http, string token, string conversationId)
{
    public const string Prefix = "/v3/directline";

    public string Token { get; private set; } = token;

    public string ConversationId { get; } = conversationId;

    public HttpClient Http { get; } = http;

    /// <summary>A token from <c>tokens/generate</c>; the conversation is not started yet.</summary>
    public static async Task<DirectLineSession> GenerateAsync(HttpClient http)
    {
        using var response = await http.PostAsync($"{Prefix}/tokens/generate", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(1800, (int)body["expires_in"]!);
        return new DirectLineSession(http, (string)body["token"]!, (string)body["conversationId"]!);
    }

    public Task<HttpResponseMessage> StartAsync(string? locale = null) =>
        SendAsync(HttpMethod.Post, $"{Prefix}/conversations", locale is null ? null : new { locale });

    public Task<HttpResponseMessage> PostAsync(object activity, string? conversationId = null) =>
        SendAsync(HttpMethod.Post, $"{Prefix}/conversations/{conversationId ?? ConversationId}/activities", activity);

    public Task<HttpResponseMessage> PostTextAsync(string text) =>
        PostAsync(new { type = "message", from = new { id = "anyone" }, text, channelData = new { clientActivityID = Guid.NewGuid().ToString("N") } });

    public async Task<(JsonArray Activities, string Watermark)> ActivitiesAsync(string? watermark = null)
    {
        using var response = await SendAsync(HttpMethod.Get, $"{Prefix}/conversations/{ConversationId}/activities?watermark={watermark}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["activities"]!.AsArray(), (string)body["watermark"]!);
    }

    public async Task RefreshAsync()
    {
        using var response = await SendAsync(HttpMethod.Post, $"{Prefix}/tokens/refresh", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(ConversationId, (string)body["conversationId"]!);
        Token = (string)body["token"]!;
    }

    public DirectLineSession WithToken(string token) => new(Http, token, ConversationId);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return await Http.SendAsync(request);
    }
}
