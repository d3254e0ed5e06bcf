using System.Text.Json.Nodes;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>Files of the repository the tests read: the console's sources and the API's OpenAPI document.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string ConsoleSources => Path.Combine(Root, "src", "LegalAidReferral.WebConsole");

    public static JsonObject OpenApi { get; } =
        JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "src", "LegalAidReferral.Functions", "OpenApi", "openapi.json")))!.AsObject();

    public static JsonObject OpenApiSchemas => OpenApi["components"]!["schemas"]!.AsObject();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LegalAidReferral.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("LegalAidReferral.sln not found above the test folder.");
    }
}
