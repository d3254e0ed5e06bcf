namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// Where the Cosmos DB account is and how to reach it: <see cref="AccountEndpoint"/> with the
/// process's identity (DefaultAzureCredential), or, for development and the emulator only,
/// <see cref="ConnectionString"/> (account key).
/// </summary>
/// <param name="CreateIfMissing">
/// Creates the database and containers at start (the emulator). On Azure the infrastructure creates
/// them and the identity has data-plane rights only.
/// </param>
public sealed record CosmosStorageOptions(
    string? AccountEndpoint,
    string? ConnectionString,
    string DatabaseName = CosmosStorageOptions.DefaultDatabaseName,
    bool CreateIfMissing = false)
{
    public const string DefaultDatabaseName = "legalaidreferral";
}
