using System.Text.Json.Nodes;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Functions.Referrals;
using LegalAidReferral.Functions.Operations;
using LegalAidReferral.Standalone.Hosting;

namespace LegalAidReferral.Functions.Tests.OpenApi;

public class OpenApiDocumentTests
{
    private static readonly string[] Verbs = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private static JsonObject Document => JsonNode.Parse(OpenApiDocument.Bytes)!.AsObject();

    [Fact]
    public void Document_and_functions_have_the_same_routes_methods_and_operation_ids()
    {
        var documented = Document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(o => Verbs.Contains(o.Key))
                .Select(o => $"{o.Key.ToUpperInvariant()} {p.Key} {o.Value!["operationId"]!.GetValue<string>()}"))
            .Order();

        var served = FunctionRoute.Discover(typeof(ServiceRegistration).Assembly)
            .SelectMany(r => r.HttpMethods.Select(m => $"{m} /api/{r.Route} {r.Name}"))
            .Order();

        Assert.Equal(served, documented);
    }

    [Fact]
    public void Every_audit_action_and_alert_kind_is_in_the_document()
    {
        var schemas = Document["components"]!["schemas"]!;
        var actions = schemas["AuditAction"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Order(StringComparer.Ordinal);
        var kinds = schemas["Alert"]!["properties"]!["kind"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Order(StringComparer.Ordinal);

        Assert.Equal(Kebab<AuditAction>.Names.Order(StringComparer.Ordinal), actions);
        Assert.Equal(Kebab<CaseAlertKind>.Names.Append(AlertResource.MissedDeadline).Order(StringComparer.Ordinal), kinds);
    }

    [Fact]
    public void Document_is_OpenAPI_3_and_every_reference_resolves()
    {
        var document = Document;
        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>());

        var references = new List<string>();
        Collect(document, references);

        Assert.NotEmpty(references);
        Assert.All(references, reference =>
        {
            JsonNode? node = document;
            foreach (var part in reference.TrimStart('#', '/').Split('/'))
            {
                node = node?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }

            Assert.True(node is not null, $"{reference} does not resolve");
        });
    }

    private static void Collect(JsonNode? node, List<string> references)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    if (name == "$ref" && value is JsonValue v && v.TryGetValue<string>(out var reference))
                    {
                        references.Add(reference);
                    }
                    else
                    {
                        Collect(value, references);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Collect(item, references);
                }

                break;
        }
    }
}
