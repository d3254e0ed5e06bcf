using System.Text.Encodings.Web;
using System.Text.Json;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>A list as one JSON array parameter, which statements unpack with <c>json_each</c>.</summary>
internal static class SqliteJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Array<T>(IEnumerable<T> values) => JsonSerializer.Serialize(values, Options);
}
