using System.Text.Json;
using System.Text.Json.Serialization;

namespace LegalAidReferral.WebConsole.Api;

/// <summary>The API's JSON: camelCase, and absent rather than null (the API rejects nulls some fields do not allow).</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
