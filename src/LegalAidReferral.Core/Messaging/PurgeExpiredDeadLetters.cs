using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Messaging;

/// <summary>
/// Deletes the messages set aside longer than <see cref="Retention"/>: long enough for an operator to
/// see and redrive them, short enough that personal data in a rejected message does not outlive the
/// client's withdrawal or erasure by much. In batches (<see cref="BatchedDeletion"/>). Run by a timer.
/// </summary>
public sealed class PurgeExpiredDeadLetters(IDeadLetters deadLetters, TimeProvider clock)
{
    public const int BatchSize = 1000;

    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    /// <summary>Deletes every message expired now; returns how many.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - Retention;
        return BatchedDeletion.RunAsync(BatchSize, (limit, ct) => deadLetters.DeleteExpiredAsync(before, limit, ct), cancellationToken);
    }
}
