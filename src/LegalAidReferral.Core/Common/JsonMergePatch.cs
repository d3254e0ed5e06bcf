using System.Text.Json.Nodes;

namespace LegalAidReferral.Core.Common;

/// <summary>JSON Merge Patch (RFC 7396), and the leaf paths two documents differ at.</summary>
public static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject is { } targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Apply(result[name], value);
            }
        }

        return result;
    }

    /// <summary>Paths such as <c>client.fullName</c> or <c>legalIssues</c> whose values differ.</summary>
    public static IReadOnlyList<string> ChangedPaths(JsonNode? before, JsonNode? after)
    {
        var paths = new List<string>();
        Collect(before, after, string.Empty, paths);
        return paths;
    }

    private static void Collect(JsonNode? before, JsonNode? after, string path, List<string> paths)
    {
        if (before is JsonObject b && after is JsonObject a)
        {
            foreach (var name in b.Select(p => p.Key).Union(a.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                Collect(b[name], a[name], path.Length == 0 ? name : $"{path}.{name}", paths);
            }
        }
        else if (!JsonNode.DeepEquals(before, after))
        {
            paths.Add(path.Length == 0 ? "$" : path);
        }
    }
}
