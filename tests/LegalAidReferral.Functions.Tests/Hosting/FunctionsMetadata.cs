using System.Text.Json.Nodes;

namespace LegalAidReferral.Functions.Tests.Hosting;

/// <summary>The <c>functions.metadata</c> the Functions build wrote: what the Azure Functions host discovers.</summary>
public static class FunctionsMetadata
{
    /// <summary>Every binding of <paramref name="type"/> (e.g. <c>httpTrigger</c>), with the name of its function.</summary>
    public static IReadOnlyList<(string Function, JsonNode Binding)> Bindings(string type) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))!.AsArray()
            .SelectMany(f => f!["bindings"]!.AsArray()
                .Where(b => b!["type"]!.GetValue<string>() == type)
                .Select(b => (f["name"]!.GetValue<string>(), b!)))
            .ToArray();
}
