using System.Text.Json.Nodes;

namespace LegalAidReferral.Infrastructure.Deployment.Tests.Bicep;

public static class Json
{
    /// <summary>The value at a dotted path under a resource (e.g. <c>properties.siteConfig.minTlsVersion</c>), as JSON text; null when absent.</summary>
    public static string? At(JsonNode node, string path)
    {
        JsonNode? current = node;
        foreach (var segment in path.Split('.'))
        {
            current = current?[segment];
        }

        return current?.ToJsonString();
    }
}
