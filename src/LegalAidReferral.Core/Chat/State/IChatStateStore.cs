namespace LegalAidReferral.Core.Chat.State;

/// <summary>
/// Port: the state of each conversation, and which case each chat reference names. Conversations expire
/// (<see cref="ChatState.ExpiresAt"/>): <see cref="DeleteExpiredAsync"/> removes them, and a store that can
/// (Cosmos DB) also lets them expire by themselves.
/// </summary>
public interface IChatStateStore
{
    Task<ChatState?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="state"/> if the stored one is still at <paramref name="expectedVersion"/> (0: none
    /// stored yet) and sets its version to the next; false, and nothing written, otherwise.
    /// </summary>
    Task<bool> TrySaveAsync(ChatState state, long expectedVersion, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes at most <paramref name="limit"/> conversations that expired before <paramref name="now"/>; returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The cases a chat reference names (only cases taken in through the chat have one). Usually one; two
    /// offices of one country number their cases alike, so a reference may name a case of each.
    /// </summary>
    Task<IReadOnlyList<ChatCaseLink>> FindLinksAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Stores the link (again: no change).</summary>
    Task SaveLinkAsync(ChatCaseLink link, CancellationToken cancellationToken);
}

/// <summary>A case reference given in the chat, and the case of one office it names.</summary>
public sealed record ChatCaseLink(string Reference, string OfficeId, Guid CaseId);
