using System.Text.Json;
using System.Text.Json.Nodes;
using LegalAidReferral.WebConsole.Api;

namespace LegalAidReferral.WebConsole.Pages.CaseParts;

/// <summary>What someone else changed: the field paths whose values differ between two versions of a case.</summary>
public static class CaseDiff
{
    private static readonly HashSet<string> Bookkeeping = ["version", "updatedAt"];

    public static IReadOnlyList<string> Changed(Case before, Case after)
    {
        var changes = new List<string>();
        Compare("", JsonSerializer.SerializeToNode(before, ApiJson.Options), JsonSerializer.SerializeToNode(after, ApiJson.Options), changes);
        return changes;
    }

    private static void Compare(string path, JsonNode? a, JsonNode? b, List<string> changes)
    {
        if (a is JsonObject objectA && b is JsonObject objectB)
        {
            foreach (var key in objectA.Select(p => p.Key).Union(objectB.Select(p => p.Key)).Where(k => path.Length > 0 || !Bookkeeping.Contains(k)))
            {
                Compare(path.Length == 0 ? key : $"{path}.{key}", objectA[key], objectB[key], changes);
            }
        }
        else if (!JsonNode.DeepEquals(a, b))
        {
            changes.Add(path);
        }
    }
}
