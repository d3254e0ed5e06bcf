using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using LegalAidReferral.Functions;
using LegalAidReferral.Infrastructure.Deployment.Tests.Bicep;

namespace LegalAidReferral.Infrastructure.Deployment.Tests.SourceOfTruth;

/// <summary>
/// Every setting the Functions app reads is set by the country deployment, and every application
/// setting the deployment sets is one the code reads: a new setting in either place fails here
/// until the other side follows.
/// </summary>
[Collection(CompiledInfrastructureCollection.Name)]
public sealed partial class AppSettingsTests(CompiledInfrastructure infra)
{
    // Settings the code reads that a deployment on Azure must not set, and why.
    private static readonly Dictionary<string, string> NotOnAzure = new()
    {
        ["Storage:DataFolder"] = "the standalone host's SQLite folder (and its local pseudonym key file): on Azure the data is in Cosmos DB and the key in Key Vault",
        ["Storage:SynchronousFull"] = "SQLite only",
        ["Exchange:ServiceBus:ConnectionString"] = "development only: it carries a key",
        ["Storage:Cosmos:ConnectionString"] = "development and the emulator only: it carries a key",
        ["Storage:Cosmos:CreateIfMissing"] = "the emulator only: on Azure the templates create the containers, and the app's data-plane role cannot",
        ["Documents:Folder"] = "the standalone host's document folder",
        ["Documents:Blob:ConnectionString"] = "the emulator only: it carries a key",
    };

    private static readonly Assembly[] Assemblies =
    [
        typeof(ServiceRegistration).Assembly,
        typeof(Infrastructure.Exchange.ExchangeRegistration).Assembly,
        typeof(Core.Messaging.Topics).Assembly,
    ];

    private static readonly Lazy<IReadOnlySet<string>> Code = new(() => CodeSettings.Read(BicepCli.RepositoryRoot, Assemblies));

    [Fact]
    public void The_scan_finds_the_settings_of_each_kind_of_read()
    {
        Assert.Contains("Throttling:AnonymousBurst", Code.Value); // options class with SectionName
        Assert.Contains("Api:BodyReadTimeout", Code.Value); // Configure<T>(GetSection("Api"))
        Assert.Contains("Exchange:ServiceBus:FullyQualifiedNamespace", Code.Value); // a section passed to a method
        Assert.Contains("Exchange:ServiceBus:Offices", Code.Value); // GetSection(..).Get<string[]>()
        Assert.Contains("Referrals:PseudonymKey", Code.Value); // a full key
        Assert.Contains("AzureAd:ClientId", Code.Value); // the section Microsoft.Identity.Web binds
    }

    [Fact]
    public void Every_setting_the_code_reads_is_set_by_every_country_deployment_unless_it_is_not_for_azure()
    {
        Assert.All(CountryFiles(), file =>
        {
            // An empty list is no setting at all: the regional review's deployment serves no office.
            string[] noOffices = infra.Parameters(file)["offices"]!["value"]!.AsArray().Count == 0 ? ["Exchange:ServiceBus:Offices"] : [];
            var missing = Code.Value.Except(NotOnAzure.Keys).Except(Application(file)).Except(noOffices).ToArray();
            Assert.True(missing.Length == 0, $"{file} does not set: {string.Join(", ", missing)} (infra/main.bicep, applicationSettings).");
        });
    }

    [Fact]
    public void Every_application_setting_a_country_deployment_sets_is_read_by_the_code()
    {
        Assert.All(CountryFiles(), file =>
        {
            var unread = Application(file).Except(Code.Value).ToArray();
            Assert.True(unread.Length == 0, $"{file} sets settings no code reads: {string.Join(", ", unread)}.");
        });
    }

    [Fact]
    public void Settings_that_are_not_for_azure_are_never_set_and_are_read_by_the_code()
    {
        Assert.All(CountryFiles(), file => Assert.Empty(Application(file).Intersect(NotOnAzure.Keys)));
        Assert.All(NotOnAzure.Keys, key => Assert.True(Code.Value.Contains(key), $"No code reads {key}: remove it from NotOnAzure."));
    }

    [Fact]
    public void A_country_deployment_with_default_parameters_gives_the_options_their_code_defaults()
    {
        var settings = Settings("main.dev.bicepparam");
        var options = Assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal) && t.GetConstructor(Type.EmptyTypes) is not null && !t.IsAbstract)
            .SelectMany(t => Properties(t).Select(p => (Key: $"{Section(t)}:{p.Name}", Default: Invariant(p.GetValue(Activator.CreateInstance(t))))))
            .Where(o => settings.ContainsKey(o.Key))
            .ToArray();
        Assert.NotEmpty(options);
        Assert.All(options, o => Assert.True(o.Default == settings[o.Key], $"{o.Key}: the code's default is {o.Default}, main.bicep's {settings[o.Key]}."));
    }

    [Fact]
    public void A_country_deployment_uses_the_service_bus_exchange_for_exactly_its_offices()
    {
        Assert.All(CountryFiles(), file =>
        {
            var settings = Settings(file);
            var offices = infra.Parameters(file)["offices"]!["value"]!.AsArray().Select(o => (string)o!);
            Assert.Equal(Infrastructure.Exchange.ExchangeRegistration.ServiceBus, settings["Exchange:Provider"]);
            Assert.Equal(offices, settings.Where(s => s.Key.StartsWith("Exchange:ServiceBus:Offices:", StringComparison.Ordinal)).OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value));
        });
    }

    private IEnumerable<string> CountryFiles() => infra.ParameterFiles.Where(CompiledInfrastructure.IsCountry);

    // The app settings in configuration form (__ is :), an array's items as the array's key.
    private IReadOnlySet<string> Application(string file) =>
        Settings(file).Keys.Where(k => !Platform().IsMatch(k)).Select(k => ArrayItem().Replace(k, "")).ToHashSet();

    private Dictionary<string, string> Settings(string file) =>
        infra.Snapshot(file).AppSettings.ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => s.Value);

    private static IEnumerable<PropertyInfo> Properties(Type options) =>
        options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true);

    private static string Section(Type options) =>
        options.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string ?? options.Name[..^"Options".Length];

    private static string? Invariant(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture);

    // Read by the Functions runtime, Azure.Identity and the Application Insights agent, not by this code.
    [GeneratedRegex("^(AzureWebJobsStorage:|APPLICATIONINSIGHTS_|AZURE_CLIENT_ID$)")]
    private static partial Regex Platform();

    [GeneratedRegex(@":\d+$")]
    private static partial Regex ArrayItem();
}
