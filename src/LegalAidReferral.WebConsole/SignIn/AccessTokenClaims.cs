using System.Text;
using System.Text.Json;

namespace LegalAidReferral.WebConsole.SignIn;

/// <summary>
/// Reads the user, office and roles from an access token's payload, for display and for offering only
/// the actions the API will allow. The API validates the token; the console only reads it.
/// </summary>
public static class AccessTokenClaims
{
    public static StaffUser? Read(string accessToken, string officeClaim)
    {
        var parts = accessToken.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url(parts[1]));
            var root = payload.RootElement;
            var user = Text(root, "oid") ?? Text(root, "sub");
            var office = Text(root, officeClaim);
            if (user is null || office is null)
            {
                return null;
            }

            var roles = root.TryGetProperty("roles", out var r) && r.ValueKind == JsonValueKind.Array
                ? r.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
                : [];
            return new StaffUser(user, Text(root, "name") ?? user, office, roles);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] Base64Url(string segment)
    {
        var s = segment.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
