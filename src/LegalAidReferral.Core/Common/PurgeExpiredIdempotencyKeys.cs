namespace LegalAidReferral.Core.Common;

/// <summary>
/// Deletes the <c>Idempotency-Key</c> records older than the retention, which would otherwise be kept
/// forever. It works in batches, each one write of its own, so a large backlog never holds the store's
/// writer for long. Run by a timer; no caller and no office's data are involved, so there is no access rule.
/// </summary>
public sealed class PurgeExpiredIdempotencyKeys(IIdempotencyStore store, IdempotencyOptions options, TimeProvider clock)
{
    public const int BatchSize = 1000;

    /// <summary>Deletes every record expired now; returns how many.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var expiredBefore = clock.GetUtcNow() - options.Retention;
        return BatchedDeletion.RunAsync(BatchSize, (limit, ct) => store.DeleteExpiredAsync(expiredBefore, limit, ct), cancellationToken);
    }
}
