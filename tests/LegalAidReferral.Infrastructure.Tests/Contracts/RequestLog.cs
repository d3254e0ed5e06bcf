using System.Collections.Concurrent;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Tests.Contracts;

/// <summary>One request the Cosmos adapter sent: a point operation on one item, or a query, with the partition it named.</summary>
public sealed record CosmosRequest(string Method, string Path, string? PartitionKey, bool IsQuery, bool CrossPartition, bool IsQueryPlan)
{
    public bool IsPointRead => Method == "GET" && Path.Contains("/docs/", StringComparison.Ordinal);

    public bool IsSinglePartitionQuery => IsQuery && PartitionKey is not null && !CrossPartition;
}

/// <summary>Records every request of the client's pipeline, as the adapter issued it.</summary>
public sealed class RequestLog : RequestHandler
{
    private readonly ConcurrentQueue<CosmosRequest> requests = new();

    public IReadOnlyList<CosmosRequest> Requests => requests.ToArray();

    public void Clear() => requests.Clear();

    public override Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        requests.Enqueue(new CosmosRequest(
            request.Method.Method,
            request.RequestUri.OriginalString,
            request.Headers["x-ms-documentdb-partitionkey"],
            string.Equals(request.Headers["x-ms-documentdb-isquery"], "True", StringComparison.OrdinalIgnoreCase),
            string.Equals(request.Headers["x-ms-documentdb-query-enablecrosspartition"], "True", StringComparison.OrdinalIgnoreCase),
            string.Equals(request.Headers["x-ms-cosmos-is-query-plan-request"], "True", StringComparison.OrdinalIgnoreCase)));
        return base.SendAsync(request, cancellationToken);
    }
}
