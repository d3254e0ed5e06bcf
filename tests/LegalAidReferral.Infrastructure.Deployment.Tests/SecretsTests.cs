using System.Text.RegularExpressions;
using LegalAidReferral.Infrastructure.Deployment.Tests.Bicep;

namespace LegalAidReferral.Infrastructure.Deployment.Tests;

/// <summary>No key, password, connection string or SAS anywhere: not in outputs, not in app settings, and no resource accepts one.</summary>
[Collection(CompiledInfrastructureCollection.Name)]
public sealed partial class SecretsTests(CompiledInfrastructure infra)
{
    // The one connection string the runtime needs. Application Insights' local auth is off (checked
    // below), so it only says where telemetry goes: the identity signs in to send it.
    private const string TelemetryDestination = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    [Fact]
    public void No_template_output_is_secure_or_named_like_a_secret()
    {
        var outputs = infra.BicepFiles.SelectMany(file =>
            (infra.Template(file)["outputs"]?.AsObject() ?? []).Select(o => (File: file, Name: o.Key, Type: (string)o.Value!["type"]!)));

        Assert.All(outputs, o =>
        {
            Assert.DoesNotMatch(SecretName(), o.Name);
            Assert.DoesNotContain("secure", o.Type, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void No_template_calls_a_list_function_that_returns_keys()
    {
        Assert.All(infra.BicepFiles, file => Assert.DoesNotMatch(ListFunction(), infra.Template(file).ToJsonString()));
    }

    [Fact]
    public void No_app_setting_holds_a_connection_string_key_or_sas()
    {
        var countries = CountrySnapshots().ToArray();
        Assert.NotEmpty(countries);
        Assert.All(countries, snapshot =>
        {
            foreach (var (name, value) in snapshot.AppSettings)
            {
                Assert.DoesNotMatch(SecretValue(), value);
                if (SecretName().IsMatch(name) && name != TelemetryDestination)
                {
                    Assert.StartsWith("@Microsoft.KeyVault(", value, StringComparison.Ordinal);
                }
            }

            Assert.Contains("Microsoft.Insights/components", snapshot.AppSettings[TelemetryDestination], StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Every_resource_that_could_accept_keys_refuses_them()
    {
        var refusals = new (string Type, string Path, string Expected)[]
        {
            ("Microsoft.DocumentDB/databaseAccounts", "properties.disableLocalAuth", "true"),
            ("Microsoft.DocumentDB/databaseAccounts", "properties.disableKeyBasedMetadataWriteAccess", "true"),
            ("Microsoft.Storage/storageAccounts", "properties.allowSharedKeyAccess", "false"),
            ("Microsoft.ServiceBus/namespaces", "properties.disableLocalAuth", "true"),
            ("Microsoft.Insights/components", "properties.DisableLocalAuth", "true"),
            ("Microsoft.OperationalInsights/workspaces", "properties.features.disableLocalAuth", "true"),
            ("Microsoft.KeyVault/vaults", "properties.enableRbacAuthorization", "true"),
            ("Microsoft.Web/sites/basicPublishingCredentialsPolicies", "properties.allow", "false"),
        };

        ResourceRules.AssertAll(infra, refusals);
    }

    [Fact]
    public void The_function_app_runs_as_its_user_assigned_identity_and_resolves_key_vault_references_with_it()
    {
        Assert.All(CountrySnapshots(), snapshot =>
        {
            var site = snapshot.Single("Microsoft.Web/sites");
            var identity = (string)snapshot.Single("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;
            Assert.Equal("\"UserAssigned\"", Json.At(site, "identity.type"));
            Assert.Equal([identity], site["identity"]!["userAssignedIdentities"]!.AsObject().Select(i => i.Key));
            Assert.Equal(identity, (string)site["properties"]!["keyVaultReferenceIdentity"]!);
            Assert.Equal("\"UserAssignedIdentity\"", Json.At(site, "properties.functionAppConfig.deployment.storage.authentication.type"));
            Assert.Equal("managedidentity", snapshot.AppSettings["AzureWebJobsStorage__credential"]);
        });
    }

    [Fact]
    public void Storage_allows_no_public_blob_access_and_keeps_deleted_and_overwritten_blobs()
    {
        ResourceRules.AssertAll(infra,
        [
            ("Microsoft.Storage/storageAccounts", "properties.allowBlobPublicAccess", "false"),
            ("Microsoft.Storage/storageAccounts/blobServices/containers", "properties.publicAccess", "\"None\""),
            ("Microsoft.Storage/storageAccounts/blobServices", "properties.isVersioningEnabled", "true"),
            ("Microsoft.Storage/storageAccounts/blobServices", "properties.deleteRetentionPolicy.enabled", "true"),
            ("Microsoft.Storage/storageAccounts/blobServices", "properties.containerDeleteRetentionPolicy.enabled", "true"),
        ]);
    }

    [Fact]
    public void Cosmos_db_has_local_auth_disabled_and_continuous_backup()
    {
        ResourceRules.AssertAll(infra,
        [
            ("Microsoft.DocumentDB/databaseAccounts", "properties.disableLocalAuth", "true"),
            ("Microsoft.DocumentDB/databaseAccounts", "properties.backupPolicy.type", "\"Continuous\""),
        ]);
    }

    [Fact]
    public void Cosmos_db_is_serverless_unless_an_autoscale_maximum_is_given()
    {
        Assert.All(infra.ParameterFiles.Where(CompiledInfrastructure.IsCountry), file =>
        {
            var autoscale = infra.Parameters(file)["cosmosAutoscaleMaxThroughput"]?["value"]?.GetValue<int>() ?? 0;
            var snapshot = infra.Snapshot(file);
            var capabilities = Json.At(snapshot.Single("Microsoft.DocumentDB/databaseAccounts"), "properties.capabilities") ?? "[]";
            var throughput = Json.At(snapshot.Single("Microsoft.DocumentDB/databaseAccounts/sqlDatabases"), "properties.options.autoscaleSettings.maxThroughput");
            Assert.Equal(autoscale == 0, capabilities.Contains("EnableServerless", StringComparison.Ordinal));
            Assert.Equal(autoscale == 0 ? null : autoscale.ToString(System.Globalization.CultureInfo.InvariantCulture), throughput);
        });
    }

    [Fact]
    public void Key_vault_has_purge_protection()
    {
        ResourceRules.AssertAll(infra, [("Microsoft.KeyVault/vaults", "properties.enablePurgeProtection", "true")]);
    }

    private IEnumerable<Snapshot> CountrySnapshots() => infra.Snapshots().Where(s => CompiledInfrastructure.IsCountry(s.File)).Select(s => s.Snapshot);

    // Names that say what they hold is a secret (PseudonymKey, *ConnectionString, *Password...), not those that name a secret's holder (keyVaultName).
    [GeneratedRegex("(?i)(connection_?string|sharedaccess|password|sas(token|url)?$|secret$|key$|token$)")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(?i)(AccountKey=|SharedAccessKey|SharedAccessSignature|[?&]sig=|listKeys|listConnectionStrings)")]
    private static partial Regex SecretValue();

    [GeneratedRegex(@"\blist\w*\(")]
    private static partial Regex ListFunction();
}
