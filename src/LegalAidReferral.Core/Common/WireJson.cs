using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LegalAidReferral.Core.Common;

/// <summary>The JSON conventions of the API and of stored documents: camelCase, kebab-case enums.</summary>
public static class WireJson
{
    /// <summary>For writing responses and documents, and reading stored documents.</summary>
    public static JsonSerializerOptions Options { get; } = Create(JsonUnmappedMemberHandling.Skip);

    /// <summary>For reading requests: an unknown or repeated field is an error, not silently dropped or overwritten.</summary>
    public static JsonSerializerOptions StrictInput { get; } = Create(JsonUnmappedMemberHandling.Disallow);

    private static JsonSerializerOptions Create(JsonUnmappedMemberHandling unmapped)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = unmapped,
            PropertyNameCaseInsensitive = unmapped != JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            MaxDepth = 16,
            AllowDuplicateProperties = unmapped != JsonUnmappedMemberHandling.Disallow,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>The field path of a JSON reader error, e.g. <c>household.size</c> for <c>$.household.size</c>.</summary>
    public static string FieldOf(JsonException exception) =>
        exception.Path switch
        {
            null or "$" => "$",
            var p when p.StartsWith("$.", StringComparison.Ordinal) => p[2..],
            var p => p.TrimStart('$'),
        };
}
