namespace LegalAidReferral.Core.Common;

/// <summary>
/// Port: remembers which resource an <c>Idempotency-Key</c> created. Reserving is atomic: of two
/// concurrent reservations of one key, both get the record of the first.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Stores <paramref name="candidate"/> unless a record of its scope and key created at or after
    /// <paramref name="expiredBefore"/> exists, and returns the record that holds the key. An expired
    /// record is replaced by the candidate, so its key starts afresh.
    /// </summary>
    Task<IdempotencyRecord> ReserveAsync(IdempotencyRecord candidate, DateTimeOffset expiredBefore, CancellationToken cancellationToken);

    /// <summary>Deletes at most <paramref name="limit"/> records created before <paramref name="expiredBefore"/>; returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset expiredBefore, int limit, CancellationToken cancellationToken);
}

/// <param name="Scope">Who the key belongs to, e.g. the office and the operation.</param>
/// <param name="RequestHash">Hash of the request body, to tell a retry from a reuse of the key.</param>
/// <param name="ResourceId">The id of the resource the first request created (or will create).</param>
public sealed record IdempotencyRecord(string Scope, string Key, string RequestHash, Guid ResourceId, DateTimeOffset CreatedAt);
