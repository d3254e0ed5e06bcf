using System.Text.Json.Nodes;

namespace LegalAidReferral.Infrastructure.Deployment.Tests.Bicep;

/// <summary>
/// The repository's <c>infra/</c> folder, once per test run: <c>bicep lint</c> over every .bicep and
/// .bicepparam file, and in one JSON-RPC session of the same CLI every .bicep file compiled to ARM
/// JSON (what <c>bicep build</c> writes, with the same diagnostics, linter included), every parameter
/// file compiled, and every parameter file expanded as <c>bicep snapshot</c> does: the resources a
/// deployment with those parameters would create, with every expression that needs no Azure evaluated.
/// Nothing is written to the repository.
/// </summary>
public sealed class CompiledInfrastructure : IAsyncLifetime
{
    /// <summary>The values the parameter files read from the environment (docs/deploy.md names them).</summary>
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["AZURE_ENV_NAME"] = "gt-test",
        ["EXCHANGE_OFFICES"] = "gt-idpp-guatemala,gt-idpp-quetzaltenango",
        ["EXCHANGE_NAMESPACE_ID"] = "/subscriptions/00000000-0000-0000-0000-0000000000e1/resourceGroups/rg-hub/providers/Microsoft.ServiceBus/namespaces/sb-hub-test",
        ["ENTRA_CLIENT_ID"] = "11111111-2222-3333-4444-555555555555",
        ["ENTRA_AUDIENCE"] = "api://legalaidreferral-test",
        ["CONSOLE_CLIENT_ID"] = "66666666-7777-8888-9999-000000000000",
        ["NETWORK_ISOLATION"] = "false",
        ["COSMOS_AUTOSCALE_MAX_THROUGHPUT"] = "0",
    };

    private static readonly JsonObject DeploymentTarget = new()
    {
        ["tenantId"] = "00000000-0000-0000-0000-0000000000aa",
        ["subscriptionId"] = "00000000-0000-0000-0000-0000000000f1",
        ["resourceGroup"] = "rg-deployment-tests",
        ["location"] = "westeurope",
        ["deploymentName"] = "deployment-tests",
        ["managementGroupId"] = null,
    };

    private readonly Dictionary<string, Compilation> templates = [];
    private readonly Dictionary<string, Compilation> parameters = [];
    private readonly Dictionary<string, Snapshot> snapshots = [];
    private readonly Dictionary<string, string> failedSnapshots = [];

    public static string InfraFolder { get; } = Path.Combine(BicepCli.RepositoryRoot, "infra");

    public BicepRun Lint { get; private set; } = null!;

    public IReadOnlyList<string> BicepFiles { get; } = Files("*.bicep");

    public IReadOnlyList<string> ParameterFiles { get; } = Files("*.bicepparam");

    /// <summary>Each .bicep and .bicepparam file and its compilation.</summary>
    public IEnumerable<(string File, Compilation Compilation)> Compilations =>
        templates.Concat(parameters).Select(c => (c.Key, c.Value));

    public async Task InitializeAsync()
    {
        var lint = BicepCli.RunAsync(Environment, "lint", "--pattern", "infra/**/*.bicep*");
        await using (var rpc = BicepRpc.Start(Environment))
        {
            foreach (var file in BicepFiles)
            {
                var compiled = await rpc.CallAsync("bicep/compile", new JsonObject { ["path"] = Full(file) });
                templates[file] = new Compilation(compiled, (string?)compiled["contents"]);
            }

            foreach (var file in ParameterFiles)
            {
                var compiled = await rpc.CallAsync("bicep/compileParams", new JsonObject { ["path"] = Full(file), ["parameterOverrides"] = new JsonObject() });
                parameters[file] = new Compilation(compiled, (string?)compiled["parameters"]);
                if (parameters[file].Success)
                {
                    var snapshot = await rpc.CallAsync("bicep/getSnapshot", new JsonObject { ["path"] = Full(file), ["metadata"] = DeploymentTarget.DeepClone() });
                    snapshots[file] = new Snapshot(JsonNode.Parse((string)snapshot["snapshot"]!)!.AsObject());
                }
                else
                {
                    failedSnapshots[file] = string.Join('\n', parameters[file].Diagnostics);
                }
            }
        }

        Lint = await lint;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The ARM JSON of a .bicep file (path relative to infra/).</summary>
    public JsonObject Template(string bicepFile) => templates[bicepFile].Output!;

    /// <summary>The values a parameter file gives (its ARM parameters file).</summary>
    public JsonObject Parameters(string parameterFile) => parameters[parameterFile].Output!["parameters"]!.AsObject();

    /// <summary>The resources a deployment with this parameter file creates.</summary>
    /// <exception cref="InvalidOperationException">The parameter file or its template does not compile (the diagnostics say why).</exception>
    public Snapshot Snapshot(string parameterFile) =>
        failedSnapshots.TryGetValue(parameterFile, out var diagnostics)
            ? throw new InvalidOperationException($"{parameterFile} does not compile, so it has no snapshot:\n{diagnostics}")
            : snapshots[parameterFile];

    /// <summary>Every parameter file's snapshot: main*.bicepparam deploy a country, hub*.bicepparam the exchange.</summary>
    public IEnumerable<(string File, Snapshot Snapshot)> Snapshots() => ParameterFiles.Select(f => (f, Snapshot(f)));

    /// <summary>Whether a parameter file deploys a country (main*.bicepparam) rather than the exchange (hub*.bicepparam).</summary>
    public static bool IsCountry(string parameterFile) => parameterFile.StartsWith("main", StringComparison.Ordinal);

    private static string Full(string file) => Path.Combine(InfraFolder, file);

    private static string[] Files(string pattern) =>
        Directory.EnumerateFiles(InfraFolder, pattern, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(InfraFolder, f))
            .Order(StringComparer.Ordinal)
            .ToArray();
}

/// <summary>One compilation: its diagnostics (errors, warnings and linter findings alike) and the JSON it produced.</summary>
public sealed class Compilation(JsonNode result, string? output)
{
    public bool Success { get; } = (bool)result["success"]!;

    public IReadOnlyList<string> Diagnostics { get; } =
        result["diagnostics"]!.AsArray().Select(d => $"{d!["source"]}({d["range"]!["start"]!["line"]}): {d["level"]} {d["code"]}: {d["message"]}").ToArray();

    public JsonObject? Output { get; } = output is null ? null : JsonNode.Parse(output)!.AsObject();
}

[CollectionDefinition(Name)]
public sealed class CompiledInfrastructureCollection : ICollectionFixture<CompiledInfrastructure>
{
    public const string Name = "Compiled infrastructure";
}
