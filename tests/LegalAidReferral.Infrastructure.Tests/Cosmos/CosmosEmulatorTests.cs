using System.Net;
using LegalAidReferral.Testing.Emulators;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Tests.Cosmos;

/// <summary>The emulator the Cosmos DB tests run on (emulators/cosmos) behaves as the SDK needs.</summary>
public sealed class CosmosEmulatorTests
{
    [Fact]
    public async Task Every_database_it_creates_can_be_queried()
    {
        // The server numbers databases in sequence and every 64th one had a "/" in its resource id,
        // which the SDK takes for a path separator: 64 databases in a row always include one.
        var emulator = await CosmosEmulator.Instance;
        using var client = new CosmosClient(emulator.ConnectionString, new CosmosClientOptions { ConnectionMode = ConnectionMode.Gateway, LimitToEndpoint = true });
        for (var i = 0; i < 64; i++)
        {
            Database database = await client.CreateDatabaseAsync($"rid-{Guid.NewGuid():N}");
            Container container = await database.CreateContainerAsync("items", "/officeId");
            var query = new QueryDefinition("SELECT * FROM c WHERE c.officeId = @office").WithParameter("@office", "office");
            using var iterator = container.GetItemQueryStreamIterator(query, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey("office") });
            using var page = await iterator.ReadNextAsync();

            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task A_missing_item_is_not_found()
    {
        var emulator = await CosmosEmulator.Instance;
        using var client = new CosmosClient(emulator.ConnectionString, new CosmosClientOptions { ConnectionMode = ConnectionMode.Gateway, LimitToEndpoint = true });
        Database database = await client.CreateDatabaseAsync($"missing-{Guid.NewGuid():N}");
        Container container = await database.CreateContainerAsync("items", "/officeId");

        using var read = await container.ReadItemStreamAsync("absent", new PartitionKey("office"));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }
}
