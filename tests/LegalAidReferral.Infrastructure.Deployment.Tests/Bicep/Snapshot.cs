using System.Text.Json.Nodes;

namespace LegalAidReferral.Infrastructure.Deployment.Tests.Bicep;

/// <summary>A <c>bicep snapshot</c>: the predicted resources of one deployment, its outputs and diagnostics.</summary>
public sealed class Snapshot(JsonObject json)
{
    private const string RoleAssignmentSegment = "/providers/Microsoft.Authorization/roleAssignments/";

    public IReadOnlyList<JsonObject> Resources { get; } = json["predictedResources"]!.AsArray().Select(r => r!.AsObject()).ToArray();

    public JsonArray Diagnostics => json["diagnostics"]!.AsArray();

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    public JsonObject Single(string type) => OfType(type).Single();

    public bool Has(string type) => OfType(type).Any();

    public JsonObject? ById(string id) =>
        Resources.SingleOrDefault(r => string.Equals((string?)r["id"], id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The app settings of the Function App (the <c>appsettings</c> config resource).</summary>
    public IReadOnlyDictionary<string, string> AppSettings =>
        OfType("Microsoft.Web/sites/config").Single(r => ((string)r["name"]!).EndsWith("/appsettings", StringComparison.Ordinal))["properties"]!
            .AsObject().ToDictionary(p => p.Key, p => p.Value!.ToString());

    /// <summary>Where a role assignment applies: its id up to the role assignment segment.</summary>
    public static string ScopeOf(JsonObject roleAssignment)
    {
        var id = (string)roleAssignment["id"]!;
        return id[..id.IndexOf(RoleAssignmentSegment, StringComparison.OrdinalIgnoreCase)];
    }

    /// <summary>The GUID of a role definition id.</summary>
    public static string RoleOf(JsonObject roleAssignment) =>
        ((string)roleAssignment["properties"]!["roleDefinitionId"]!).Split('/')[^1];
}
