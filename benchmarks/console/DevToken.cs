using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace LegalAidReferral.ConsoleMeasure;

/// <summary>A token of the standalone host's development sign-in (<c>POST /dev/token</c>), and the console's place for it.</summary>
public static class DevToken
{
    /// <summary>The session storage key of the console's development sign-in (<c>DevSignInSession</c>).</summary>
    public const string StorageKey = "legalaidreferral.devToken";

    public static async Task<string> ForAsync(HttpClient http, string userId)
    {
        using var response = await http.PostAsJsonAsync("/dev/token", new { userId });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>() ?? throw new InvalidOperationException("POST /dev/token answered no body.");
        return (string?)body["accessToken"] ?? throw new InvalidOperationException("POST /dev/token answered no accessToken.");
    }
}
