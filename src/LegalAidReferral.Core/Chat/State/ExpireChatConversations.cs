using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Chat.State;

/// <summary>
/// Deletes the state of abandoned conversations (no turn for <see cref="ChatOptions.IdleTimeout"/>), in
/// batches of one write each. Run by a timer; no caller and no case are involved, so there is no access rule.
/// </summary>
public sealed class ExpireChatConversations(IChatStateStore store, TimeProvider clock)
{
    public const int BatchSize = 500;

    public Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return BatchedDeletion.RunAsync(BatchSize, (limit, ct) => store.DeleteExpiredAsync(now, limit, ct), cancellationToken);
    }
}
