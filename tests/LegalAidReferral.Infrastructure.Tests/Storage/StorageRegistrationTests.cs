using LegalAidReferral.Core.Cases;
using LegalAidReferral.Infrastructure.Cosmos;
using LegalAidReferral.Infrastructure.Sqlite;
using LegalAidReferral.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.Infrastructure.Tests.Storage;

public sealed class StorageRegistrationTests
{
    private const string EmulatorConnection = "AccountEndpoint=http://127.0.0.1:1/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU9DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==;";

    [Fact]
    public void Functions_app_without_cosmos_settings_refuses_to_start_naming_the_missing_setting()
    {
        var refused = Assert.Throws<StorageConfigurationException>(() => Register(StorageHost.FunctionsApp));

        Assert.Contains("Storage:Cosmos:AccountEndpoint", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Functions_app_refuses_sqlite()
    {
        var refused = Assert.Throws<StorageConfigurationException>(() => Register(StorageHost.FunctionsApp, ("Storage:Provider", "sqlite")));

        Assert.Contains("Cosmos DB only", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Functions_app_with_an_account_endpoint_uses_cosmos()
    {
        var services = Register(StorageHost.FunctionsApp, ("Storage:Cosmos:AccountEndpoint", "https://account.documents.azure.com:443/"));

        Assert.Contains(services, s => s.ImplementationType == typeof(CosmosCaseStore));
        Assert.DoesNotContain(services, s => s.ServiceType == typeof(SqliteDatabase));
    }

    [Fact]
    public void Standalone_host_uses_sqlite_by_default()
    {
        var services = Register(StorageHost.Standalone);

        Assert.Contains(services, s => s.ServiceType == typeof(SqliteDatabase));
        Assert.DoesNotContain(services, s => s.ServiceType == typeof(CosmosDatabase));
    }

    [Fact]
    public void Standalone_host_uses_cosmos_when_configured()
    {
        using var provider = Register(StorageHost.Standalone, ("Storage:Provider", "cosmos"), ("Storage:Cosmos:ConnectionString", EmulatorConnection)).BuildServiceProvider();

        Assert.Equal(StorageRegistration.Cosmos, provider.GetRequiredService<StorageHealth>().Provider);
        Assert.IsType<CosmosCaseStore>(provider.GetRequiredService<ICaseStore>());
    }

    [Fact]
    public void Unknown_provider_is_refused_with_the_known_ones()
    {
        var refused = Assert.Throws<StorageConfigurationException>(() => Register(StorageHost.Standalone, ("Storage:Provider", "mongo")));

        Assert.Contains("'sqlite' or 'cosmos'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_container_is_partitioned_and_indexes_only_the_paths_listed()
    {
        foreach (var definition in CosmosContainers.All)
        {
            var properties = definition.ToProperties();
            Assert.Equal(definition.PartitionKeyPath, properties.PartitionKeyPath);
            Assert.Equal("/*", Assert.Single(properties.IndexingPolicy.ExcludedPaths).Path);
            Assert.Equal(definition.IndexedPaths, properties.IndexingPolicy.IncludedPaths.Select(p => p.Path));
        }

        Assert.Equal(CosmosContainers.All.Count, CosmosContainers.All.Select(c => c.Name).Distinct().Count());
        Assert.Equal(-1, CosmosContainers.Idempotency.DefaultTimeToLive);
    }

    private static ServiceCollection Register(StorageHost host, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddStorage(configuration, host);
        return services;
    }
}
