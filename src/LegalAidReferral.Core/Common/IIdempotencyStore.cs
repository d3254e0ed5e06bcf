namespace LegalAidReferral.Core.Common;

/// <summary>
/// Port: remembers which resource an <c>Idempotency-Key</c> created. Reserving is atomic: of two
/// concurrent reservations of one key, both get the record of the first.
/// </summary>
public interface IIdempotencyStore
{
    Task<IdempotencyRecord> ReserveAsync(IdempotencyRecord candidate, CancellationToken cancellationToken);
}

/// <param name="Scope">Who the key belongs to, e.g. the office and the operation.</param>
/// <param name="RequestHash">Hash of the request body, to tell a retry from a reuse of the key.</param>
/// <param name="ResourceId">The id of the resource the first request created (or will create).</param>
public sealed record IdempotencyRecord(string Scope, string Key, string RequestHash, Guid ResourceId, DateTimeOffset CreatedAt);
