namespace LegalAidReferral.Core.Common;

/// <summary>
/// Gives a creating request the id of the resource it creates. Without a key, a new id; with a key,
/// the id reserved by the first request with that key, so a retry finds (or finishes creating) the
/// same resource instead of making a second one, as long as the key is within the retention.
/// </summary>
public sealed class IdempotencyGuard(IIdempotencyStore store, IdempotencyOptions options, TimeProvider clock)
{
    public const int MaxKeyLength = 100;

    /// <summary>Null for no key or a valid one: 1 to <see cref="MaxKeyLength"/> printable ASCII characters (space to <c>~</c>).</summary>
    public static Failure? Check(string? key) =>
        key is null || (key.Length is > 0 and <= MaxKeyLength && key.All(c => c is >= ' ' and <= '~'))
            ? null
            : Failure.Invalid("Idempotency-Key", $"The Idempotency-Key header must have 1 to {MaxKeyLength} printable ASCII characters.");

    public async Task<Result<Guid>> ResourceIdAsync(string scope, string? key, string requestHash, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (key is null)
        {
            return Guid.CreateVersion7(now);
        }

        if (Check(key) is { } invalid)
        {
            return invalid;
        }

        var candidate = new IdempotencyRecord(scope, key, requestHash, Guid.CreateVersion7(now), now);
        var record = await store.ReserveAsync(candidate, now - options.Retention, cancellationToken);
        if (record.RequestHash != requestHash)
        {
            return new Failure(
                FailureKind.IdempotencyKeyReused,
                "This Idempotency-Key was already used with a different request body. Use a new key for a new request.");
        }

        return record.ResourceId;
    }
}
