using System.Security.Cryptography;
using System.Text;
using LegalAidReferral.Core.Common;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// Idempotency records partitioned by scope, one document per key (id: the key's SHA-256, since a key
/// may hold characters an id may not). The first reservation creates it; a later one finds it, or
/// replaces it at its ETag once it has expired. Each record carries a TTL a little past its retention,
/// so Cosmos DB deletes expired records by itself; <see cref="DeleteExpiredAsync"/> remains for the timer.
/// </summary>
public sealed class CosmosIdempotencyStore(CosmosDatabase database) : IIdempotencyStore
{
    // Past the retention, so a record is never gone while a reservation could still need it.
    private static readonly TimeSpan TtlMargin = TimeSpan.FromHours(1);

    public async Task<IdempotencyRecord> ReserveAsync(IdempotencyRecord candidate, DateTimeOffset expiredBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var document = IdempotencyDocument.Of(candidate, candidate.CreatedAt - expiredBefore + TtlMargin);
        while (true)
        {
            if (await database.Idempotency.TryCreateAsync(document, candidate.Scope, cancellationToken))
            {
                return candidate;
            }

            var stored = await database.Idempotency.ReadAsync<IdempotencyDocument>(document.Id, candidate.Scope, cancellationToken);
            if (stored is null)
            {
                continue;
            }

            if (CosmosTime.Parse(stored.Document.CreatedAt) >= expiredBefore)
            {
                return stored.Document.ToRecord();
            }

            if (await database.Idempotency.TryReplaceAsync(document, document.Id, candidate.Scope, stored.ETag, cancellationToken))
            {
                return candidate;
            }
        }
    }

    /// <summary>A query across scopes (the timer's, never a request's), then a point delete per record.</summary>
    public async Task<int> DeleteExpiredAsync(DateTimeOffset expiredBefore, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var query = new QueryDefinition($"SELECT TOP {limit} c.id, c.scope FROM c WHERE c.createdAt < @expired")
            .WithParameter("@expired", CosmosTime.Of(expiredBefore));
        var expired = await database.Idempotency.QueryAsync<ExpiredRow>(query, null, cancellationToken);
        var deleted = 0;
        foreach (var row in expired)
        {
            deleted += await database.Idempotency.DeleteAsync(row.Id, row.Scope, cancellationToken) ? 1 : 0;
        }

        return deleted;
    }

    private sealed record ExpiredRow(string Id, string Scope);

    private sealed record IdempotencyDocument(string Id, string Scope, string Key, string RequestHash, string ResourceId, string CreatedAt, int Ttl, int Schema = 1)
    {
        public static IdempotencyDocument Of(IdempotencyRecord record, TimeSpan timeToLive) =>
            new(
                Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(record.Key))),
                record.Scope,
                record.Key,
                record.RequestHash,
                record.ResourceId.ToString("D"),
                CosmosTime.Of(record.CreatedAt),
                (int)Math.Ceiling(Math.Clamp(timeToLive.TotalSeconds, TtlMargin.TotalSeconds, int.MaxValue)));

        public IdempotencyRecord ToRecord() => new(Scope, Key, RequestHash, Guid.ParseExact(ResourceId, "D"), CosmosTime.Parse(CreatedAt));
    }
}
