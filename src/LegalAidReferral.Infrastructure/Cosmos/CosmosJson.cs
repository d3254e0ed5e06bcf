using System.Text.Json;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// The JSON of stored documents: System.Text.Json, camelCase, enums as kebab-case strings (the
/// conventions of <see cref="WireJson"/>). Times are stored as fixed-width UTC strings (<see cref="Time"/>):
/// Cosmos DB numbers are doubles and would round tick counts.
/// </summary>
internal static class CosmosJson
{
    public static JsonSerializerOptions Options => WireJson.Options;

    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);

    public static T FromElement<T>(JsonElement element, string what) =>
        element.Deserialize<T>(Options) ?? throw new InvalidDataException($"A stored {what} is empty.");
}
