using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LegalAidReferral.Infrastructure.Deployment.Tests.Bicep;

namespace LegalAidReferral.Infrastructure.Deployment.Tests.SourceOfTruth;

/// <summary>
/// The web console's settings: the keys its code reads, the keys of its wwwroot/appsettings.json and
/// the keys of the <c>consoleSettings</c> output that a deployment writes as that file are the same.
/// </summary>
[Collection(CompiledInfrastructureCollection.Name)]
public sealed partial class ConsoleSettingsTests(CompiledInfrastructure infra)
{
    private static readonly string Console = Path.Combine(BicepCli.RepositoryRoot, "src", "LegalAidReferral.WebConsole");

    private static IReadOnlySet<string> FileKeys { get; } =
        Keys(JsonNode.Parse(File.ReadAllText(Path.Combine(Console, "wwwroot", "appsettings.json")))!.AsObject(), "");

    [Fact]
    public void The_console_reads_exactly_the_settings_of_its_appsettings_file()
    {
        var program = File.ReadAllText(Path.Combine(Console, "Program.cs"));
        var options = File.ReadAllText(Path.Combine(Console, "SignIn", "SignInOptions.cs"));
        var read = FullKeys().Matches(program).Select(m => m.Groups["key"].Value)
            .Concat(Properties().Matches(options).Select(m => "SignIn:" + m.Groups["name"].Value))
            .ToHashSet();
        Assert.Equal(FileKeys.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_country_deployment_writes_every_console_setting_and_no_other()
    {
        var output = infra.Template("main.bicep")["outputs"]!["consoleSettings"]!;
        Assert.Equal("object", (string)output["type"]!);
        var written = Keys(output["value"]!.AsObject(), "");
        Assert.Equal(FileKeys.Order(StringComparer.Ordinal), written.Order(StringComparer.Ordinal));
    }

    private static HashSet<string> Keys(JsonObject json, string prefix) =>
        [.. json.SelectMany(p => p.Value is JsonObject child ? Keys(child, $"{prefix}{p.Key}:") : [prefix + p.Key])];

    [GeneratedRegex(@"Configuration\[""(?<key>[A-Za-z:]+)""\]")]
    private static partial Regex FullKeys();

    [GeneratedRegex(@"public (?:string\??|bool) (?<name>[A-Za-z]+) \{ get; set; \}")]
    private static partial Regex Properties();
}
