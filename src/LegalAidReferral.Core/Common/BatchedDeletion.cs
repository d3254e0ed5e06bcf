namespace LegalAidReferral.Core.Common;

/// <summary>
/// The loop of the purge timers: delete a batch at a time, each batch one write of its own so a large
/// backlog never holds the store's writer for long, until a batch comes back short.
/// </summary>
public static class BatchedDeletion
{
    /// <summary>Runs <paramref name="deleteBatch"/> (given the batch size, returning how many it deleted) until a batch is short; returns the total.</summary>
    public static async Task<int> RunAsync(int batchSize, Func<int, CancellationToken, Task<int>> deleteBatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deleteBatch);
        var total = 0;
        int deleted;
        do
        {
            deleted = await deleteBatch(batchSize, cancellationToken);
            total += deleted;
        }
        while (deleted == batchSize);

        return total;
    }
}
