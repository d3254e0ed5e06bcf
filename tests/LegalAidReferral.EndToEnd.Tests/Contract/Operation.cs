using System.Text.Json.Nodes;

namespace LegalAidReferral.EndToEnd.Tests.Contract;

/// <summary>One operation of the document, matched to a request's path.</summary>
public sealed class Operation(OpenApiContract contract, string method, string template, JsonObject pathItem, JsonObject node, string[] path)
{
    public string Name => $"{method} {template} ({node["operationId"]})";

    public JsonObject? RequestBody => node["requestBody"] is { } body ? contract.Resolve(body) : null;

    /// <summary>The declared parameters, the operation's own replacing the path's of the same name and place.</summary>
    public IEnumerable<JsonObject> Parameters =>
        (node["parameters"]?.AsArray() ?? []).Concat(pathItem["parameters"]?.AsArray() ?? [])
            .Select(p => contract.Resolve(p!))
            .DistinctBy(p => (p["in"]!.GetValue<string>(), p["name"]!.GetValue<string>().ToLowerInvariant()));

    /// <summary>The value of a path parameter in the request.</summary>
    public string? PathValue(string name)
    {
        var index = Array.IndexOf(template.Split('/'), $"{{{name}}}");
        return index < 0 ? null : Uri.UnescapeDataString(path[index]);
    }

    /// <summary>The response declared for a status: its exact code, then its class (<c>4XX</c>), then <c>default</c>.</summary>
    public JsonObject? Response(int status)
    {
        var responses = node["responses"]!.AsObject();
        var declared = responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]
            ?? responses[$"{status / 100}XX"]
            ?? responses["default"];
        return declared is null ? null : contract.Resolve(declared);
    }
}
