using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// Idempotency keys: the first reservation of a (scope, key) wins and every later one gets its record,
/// until the record expires; then the next reservation replaces it.
/// </summary>
public sealed class SqliteIdempotencyStore(SqliteDatabase database) : IIdempotencyStore
{
    public Task<IdempotencyRecord> ReserveAsync(IdempotencyRecord candidate, DateTimeOffset expiredBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);

        // Both statements run in the one writer's transaction, so no other reservation lands between them.
        return database.WriteAsync(
            write =>
            {
                var insert = write.Command(
                    """
                    INSERT INTO idempotency (scope, key, request_hash, resource_id, created_at)
                    VALUES ($scope, $key, $hash, $resource, $created)
                    ON CONFLICT (scope, key) DO UPDATE SET
                        request_hash = excluded.request_hash, resource_id = excluded.resource_id, created_at = excluded.created_at
                    WHERE idempotency.created_at < $expired;
                    """);
                insert.Parameters.AddWithValue("$scope", candidate.Scope);
                insert.Parameters.AddWithValue("$key", candidate.Key);
                insert.Parameters.AddWithValue("$hash", candidate.RequestHash);
                insert.Parameters.AddWithValue("$resource", candidate.ResourceId.ToString("D"));
                insert.Parameters.AddWithValue("$created", candidate.CreatedAt.UtcTicks);
                insert.Parameters.AddWithValue("$expired", expiredBefore.UtcTicks);
                if (insert.ExecuteNonQuery() == 1)
                {
                    return candidate;
                }

                var select = write.Command("SELECT request_hash, resource_id, created_at FROM idempotency WHERE scope = $scope AND key = $key;");
                select.Parameters.AddWithValue("$scope", candidate.Scope);
                select.Parameters.AddWithValue("$key", candidate.Key);
                using var reader = select.ExecuteReader();
                if (!reader.Read())
                {
                    throw new InvalidOperationException("An idempotency record vanished between its insert and its read.");
                }

                return new IdempotencyRecord(
                    candidate.Scope,
                    candidate.Key,
                    reader.GetString(0),
                    Guid.ParseExact(reader.GetString(1), "D"),
                    new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero));
            },
            cancellationToken);
    }

    public Task<int> DeleteExpiredAsync(DateTimeOffset expiredBefore, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.WriteAsync(
            write =>
            {
                var delete = write.Command(
                    """
                    DELETE FROM idempotency
                    WHERE rowid IN (SELECT rowid FROM idempotency WHERE created_at < $expired LIMIT $limit);
                    """);
                delete.Parameters.AddWithValue("$expired", expiredBefore.UtcTicks);
                delete.Parameters.AddWithValue("$limit", limit);
                return delete.ExecuteNonQuery();
            },
            cancellationToken);
    }
}
