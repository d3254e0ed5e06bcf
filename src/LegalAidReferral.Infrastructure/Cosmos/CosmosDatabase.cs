using System.Net;
using Azure.Identity;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// The process's one <see cref="CosmosClient"/> (Gateway mode, System.Text.Json) and the containers of
/// <see cref="CosmosContainers"/>. Registered once per process: the client holds the connections.
/// </summary>
public sealed class CosmosDatabase : IDisposable
{
    private readonly CosmosStorageOptions options;
    private readonly Database database;

    public CosmosDatabase(CosmosStorageOptions options, IEnumerable<RequestHandler>? handlers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        Client = CreateClient(options, handlers ?? []);
        database = Client.GetDatabase(options.DatabaseName);
    }

    public CosmosClient Client { get; }

    public Container Cases => Container(CosmosContainers.Cases);

    public Container Audit => Container(CosmosContainers.Audit);

    public Container Sequences => Container(CosmosContainers.Sequences);

    public Container Idempotency => Container(CosmosContainers.Idempotency);

    public Container Offices => Container(CosmosContainers.Offices);

    public Container Policies => Container(CosmosContainers.Policies);

    public Container ProtocolSettings => Container(CosmosContainers.ProtocolSettings);

    public Container Referrals => Container(CosmosContainers.Referrals);

    public Container Alerts => Container(CosmosContainers.Alerts);

    public Container Vocabulary => Container(CosmosContainers.Vocabulary);

    public Container Documents => Container(CosmosContainers.Documents);

    public Container DeadLetters => Container(CosmosContainers.DeadLetters);

    public Container ChatReferences => Container(CosmosContainers.ChatReferences);

    public Container Chat => Container(CosmosContainers.Chat);
    public Container ReviewEvents => Container(CosmosContainers.ReviewEvents);

    public Container ReviewCells => Container(CosmosContainers.ReviewCells);

    public Container ReviewReferrals => Container(CosmosContainers.ReviewReferrals);

    /// <summary>Creates the database and every container when <see cref="CosmosStorageOptions.CreateIfMissing"/> is set.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (!options.CreateIfMissing)
        {
            return;
        }

        // One create each, a conflict meaning it exists already: half the requests of "if not exists".
        using (var created = await Client.CreateDatabaseStreamAsync(new DatabaseProperties(options.DatabaseName), cancellationToken: cancellationToken))
        {
            EnsureCreatedOrExisting(created);
        }

        await Task.WhenAll(CosmosContainers.All.Select(async definition =>
        {
            using var created = await database.CreateContainerStreamAsync(definition.ToProperties(), cancellationToken: cancellationToken);
            EnsureCreatedOrExisting(created);
        }));
    }

    /// <summary>True when the database answers a read of itself.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await database.ReadStreamAsync(cancellationToken: cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is CosmosException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => Client.Dispose();

    private static void EnsureCreatedOrExisting(ResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    private Container Container(CosmosContainerDefinition definition) => database.GetContainer(definition.Name);

    private static CosmosClient CreateClient(CosmosStorageOptions options, IEnumerable<RequestHandler> handlers)
    {
        var clientOptions = new CosmosClientOptions
        {
            ConnectionMode = ConnectionMode.Gateway,
            UseSystemTextJsonSerializerWithOptions = CosmosJson.Options,
            ApplicationName = "LegalAidReferral",
        };
        foreach (var handler in handlers)
        {
            clientOptions.CustomHandlers.Add(handler);
        }

        if (options.AccountEndpoint is { Length: > 0 } endpoint)
        {
            return new CosmosClient(endpoint, new DefaultAzureCredential(), clientOptions);
        }

        if (options.ConnectionString is not { Length: > 0 } connectionString)
        {
            throw new InvalidOperationException("Cosmos DB needs an account endpoint (identity) or a connection string (development).");
        }

        // A development or emulator account: the emulator answers on its own address only.
        clientOptions.LimitToEndpoint = true;
        return new CosmosClient(connectionString, clientOptions);
    }
}
