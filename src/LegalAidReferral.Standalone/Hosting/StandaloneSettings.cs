namespace LegalAidReferral.Standalone.Hosting;

/// <summary>
/// The standalone host's own options, from the command line (<c>--data</c>, <c>--dev-sign-in</c>,
/// <c>--seed-demo-data</c>) or configuration, and the embedded defaults it gives the shared services.
/// </summary>
public sealed record StandaloneSettings(string DataFolder, bool DevSignIn, bool SeedDemoData)
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>The audience of development tokens; the Functions app gets its own from Entra ID settings.</summary>
    public const string DevClientId = "api://legalaidreferral-dev";

    public static StandaloneSettings From(IConfiguration configuration) => new(
        Path.GetFullPath(configuration["data"] ?? ".data"),
        configuration.GetValue("dev-sign-in", true),
        configuration.GetValue("seed-demo-data", true));

    public IEnumerable<KeyValuePair<string, string?>> Defaults() =>
    [
        new("Storage:DataFolder", DataFolder),
        new("AzureAd:Instance", "https://login.microsoftonline.com/"),
        new("AzureAd:TenantId", "00000000-0000-0000-0000-000000000000"),
        new("AzureAd:ClientId", DevClientId),
    ];
}
