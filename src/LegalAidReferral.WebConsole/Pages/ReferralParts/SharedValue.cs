using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LegalAidReferral.WebConsole.Pages.ReferralParts;

/// <summary>Reads the values of a referral's shared data (shaped as in the case) and writes them for a reader in the current culture.</summary>
public static class SharedValue
{
    /// <summary>The value at a dotted path such as <c>client.contact.phone</c>; null when absent or null.</summary>
    public static JsonNode? Of(JsonObject? shared, string path)
    {
        JsonNode? node = shared;
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonObject json ? json[segment] : null;
        }

        return node;
    }

    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    /// <summary>A yyyy-MM-dd date written out in the current culture (e.g. "Thursday, 4 December 2026"); other text as it is.</summary>
    public static string Date(JsonNode? node) =>
        DateOnly.TryParseExact(Text(node), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("D", CultureInfo.CurrentCulture)
            : Text(node);

    public static string Location(JsonNode? node) => Joined(Text(node?["locality"]), Text(node?["country"]), ", ");

    /// <summary>The household's monthly income with its currency, or a dash when none was recorded.</summary>
    public static string Income(JsonNode? household) =>
        household?["monthlyIncome"] is JsonValue income
            ? $"{income.GetValue<decimal>().ToString("#,0.##", CultureInfo.CurrentCulture)} {Text(household["currency"])}".Trim()
            : "—";

    public static string Party(JsonNode? party) =>
        party?["aliases"] is JsonArray { Count: > 0 } aliases
            ? $"{Text(party["name"])} ({string.Join(", ", aliases.Select(Text))})"
            : Text(party?["name"]);

    /// <summary>A label and its detail ("Asylum: hearing next week"), or just the label when there is no detail.</summary>
    public static string Joined(string first, string second, string separator = ": ") =>
        first.Length == 0 ? second : second.Length == 0 ? first : first + separator + second;
}
