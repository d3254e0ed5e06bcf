using System.Net;
using System.Text.Json;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>A stored document with the ETag it was read at.</summary>
internal sealed record Stored<T>(T Document, string ETag);

/// <summary>
/// Point operations and single-partition queries on a container, with the expected outcomes (missing,
/// taken, moved on) as return values instead of exceptions. Documents go through <see cref="CosmosJson"/>.
/// </summary>
internal static class ContainerItems
{
    public static async Task<Stored<T>?> ReadAsync<T>(this Container container, string id, string partitionKey, CancellationToken cancellationToken)
    {
        using var response = await container.ReadItemStreamAsync(id, new PartitionKey(partitionKey), cancellationToken: cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var document = await JsonSerializer.DeserializeAsync<T>(response.Content, CosmosJson.Options, cancellationToken)
            ?? throw new InvalidDataException($"A stored {typeof(T).Name} is empty.");
        return new Stored<T>(document, response.Headers.ETag);
    }

    /// <summary>Creates the document; false when one with its id already exists in the partition.</summary>
    public static async Task<bool> TryCreateAsync<T>(this Container container, T document, string partitionKey, CancellationToken cancellationToken)
    {
        using var content = Serialize(document);
        using var response = await container.CreateItemStreamAsync(content, new PartitionKey(partitionKey), cancellationToken: cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }

        response.EnsureSuccessStatusCode();
        return true;
    }

    /// <summary>Replaces the document only if it is still at <paramref name="etag"/>; false when it moved on or is gone.</summary>
    public static async Task<bool> TryReplaceAsync<T>(this Container container, T document, string id, string partitionKey, string etag, CancellationToken cancellationToken)
    {
        using var content = Serialize(document);
        using var response = await container.ReplaceItemStreamAsync(
            content, id, new PartitionKey(partitionKey), new ItemRequestOptions { IfMatchEtag = etag }, cancellationToken);
        if (response.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            return false;
        }

        response.EnsureSuccessStatusCode();
        return true;
    }

    public static async Task UpsertAsync<T>(this Container container, T document, string partitionKey, CancellationToken cancellationToken)
    {
        using var content = Serialize(document);
        using var response = await container.UpsertItemStreamAsync(content, new PartitionKey(partitionKey), cancellationToken: cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Deletes the document; false when it was already gone.</summary>
    public static async Task<bool> DeleteAsync(this Container container, string id, string partitionKey, CancellationToken cancellationToken)
    {
        using var response = await container.DeleteItemStreamAsync(id, new PartitionKey(partitionKey), cancellationToken: cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        response.EnsureSuccessStatusCode();
        return true;
    }

    /// <summary>
    /// Every result of a query in one partition (<paramref name="partitionKey"/>), or across partitions
    /// when it is null (only off the request path: timers and start-up).
    /// </summary>
    public static async Task<List<T>> QueryAsync<T>(this Container container, QueryDefinition query, string? partitionKey, CancellationToken cancellationToken)
    {
        var options = new QueryRequestOptions();
        if (partitionKey is not null)
        {
            options.PartitionKey = new PartitionKey(partitionKey);
        }

        var results = new List<T>();
        using var iterator = container.GetItemQueryIterator<T>(query, requestOptions: options);
        while (iterator.HasMoreResults)
        {
            results.AddRange(await iterator.ReadNextAsync(cancellationToken));
        }

        return results;
    }

    private static MemoryStream Serialize<T>(T document) => new(JsonSerializer.SerializeToUtf8Bytes(document, CosmosJson.Options));
}
