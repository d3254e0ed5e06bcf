using System.Text.Json.Nodes;

namespace LegalAidReferral.WebConsole.Components;

/// <summary>What someone else changed: the paths (as the API names fields, e.g. <c>criteria[1].thresholds[0]</c>) whose values differ between two versions of a resource.</summary>
public static class JsonDiff
{
    /// <param name="before">The version the user started from.</param>
    /// <param name="after">The current version.</param>
    /// <param name="bookkeeping">Top-level properties that change with every version (e.g. <c>version</c>), left out.</param>
    public static IReadOnlyList<string> Changed(JsonNode? before, JsonNode? after, IReadOnlySet<string> bookkeeping)
    {
        var changes = new List<string>();
        Compare("", before, after, bookkeeping, changes);
        return changes;
    }

    private static void Compare(string path, JsonNode? a, JsonNode? b, IReadOnlySet<string> bookkeeping, List<string> changes)
    {
        if (a is JsonObject objectA && b is JsonObject objectB)
        {
            foreach (var key in objectA.Select(p => p.Key).Union(objectB.Select(p => p.Key)).Where(k => path.Length > 0 || !bookkeeping.Contains(k)))
            {
                Compare(path.Length == 0 ? key : $"{path}.{key}", objectA[key], objectB[key], bookkeeping, changes);
            }
        }
        else if (a is JsonArray arrayA && b is JsonArray arrayB && arrayA.Count == arrayB.Count)
        {
            for (var i = 0; i < arrayA.Count; i++)
            {
                Compare($"{path}[{i}]", arrayA[i], arrayB[i], bookkeeping, changes);
            }
        }
        else if (!JsonNode.DeepEquals(a, b))
        {
            changes.Add(path);
        }
    }
}
