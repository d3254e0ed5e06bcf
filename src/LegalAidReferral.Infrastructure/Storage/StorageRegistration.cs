using LegalAidReferral.Infrastructure.Cosmos;
using LegalAidReferral.Infrastructure.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.Infrastructure.Storage;

/// <summary>Which host registers the storage: each has its own default and its own allowed providers.</summary>
public enum StorageHost
{
    /// <summary>SQLite in the data folder by default; Cosmos DB when asked for (<c>--storage cosmos</c>).</summary>
    Standalone,

    /// <summary>Cosmos DB only: a scaled-out serverless app has no local disk to keep SQLite on.</summary>
    FunctionsApp,
}

/// <summary>How the host probes its storage for the health route.</summary>
public sealed record StorageHealth(string Provider, Func<CancellationToken, Task<bool>> Probe);

/// <summary>
/// The one place that chooses the storage, from <c>Storage:Provider</c> (<c>sqlite</c> | <c>cosmos</c>):
/// SQLite takes <c>Storage:DataFolder</c> and <c>Storage:SynchronousFull</c>; Cosmos DB takes
/// <c>Storage:Cosmos:AccountEndpoint</c> (identity, DefaultAzureCredential) or
/// <c>Storage:Cosmos:ConnectionString</c> (development and emulator), <c>Storage:Cosmos:Database</c>
/// and <c>Storage:Cosmos:CreateIfMissing</c>.
/// </summary>
public static class StorageRegistration
{
    public const string Sqlite = "sqlite";
    public const string Cosmos = "cosmos";

    /// <exception cref="StorageConfigurationException">The configuration names an unknown provider, or lacks a setting the provider needs.</exception>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration, StorageHost host)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var storage = configuration.GetSection("Storage");
        var provider = storage["Provider"] ?? (host == StorageHost.FunctionsApp ? Cosmos : Sqlite);
        switch (provider)
        {
            case Sqlite when host == StorageHost.FunctionsApp:
                throw new StorageConfigurationException(
                    "Storage:Provider is 'sqlite', but the Functions app stores its data in Cosmos DB only: " +
                    "remove the setting, or set it to 'cosmos' with Storage:Cosmos:AccountEndpoint.");
            case Sqlite:
                services.AddSqliteStorage(new SqliteStorageOptions(storage["DataFolder"] ?? ".data", storage.GetValue<bool>("SynchronousFull")));
                services.AddSingleton(sp => new StorageHealth(Sqlite, sp.GetRequiredService<SqliteDatabase>().IsHealthyAsync));
                break;
            case Cosmos:
                services.AddCosmosStorage(CosmosOptions(storage.GetSection("Cosmos")));
                services.AddSingleton(sp => new StorageHealth(Cosmos, sp.GetRequiredService<CosmosDatabase>().IsHealthyAsync));
                break;
            default:
                throw new StorageConfigurationException($"Storage:Provider '{provider}' is not known: use '{Sqlite}' or '{Cosmos}'.");
        }

        return services;
    }

    private static CosmosStorageOptions CosmosOptions(IConfigurationSection cosmos)
    {
        var endpoint = cosmos["AccountEndpoint"];
        var connectionString = cosmos["ConnectionString"];
        if (string.IsNullOrWhiteSpace(endpoint) && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StorageConfigurationException(
                "Storage:Cosmos:AccountEndpoint is not set: set it to the Cosmos DB account's endpoint (the app signs in with its managed identity), " +
                "or set Storage:Cosmos:ConnectionString for development or the emulator.");
        }

        return new CosmosStorageOptions(
            string.IsNullOrWhiteSpace(endpoint) ? null : endpoint,
            string.IsNullOrWhiteSpace(connectionString) ? null : connectionString,
            cosmos["Database"] ?? CosmosStorageOptions.DefaultDatabaseName,
            cosmos.GetValue<bool>("CreateIfMissing"));
    }
}
