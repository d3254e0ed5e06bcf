namespace LegalAidReferral.Core.Messaging;

/// <summary>Port: the messages saved with their changes and not yet published, as the relay sees them.</summary>
public interface IOutbox
{
    /// <summary>Up to <paramref name="max"/> unpublished messages, oldest first (the order they were saved in).</summary>
    Task<IReadOnlyList<ExchangeMessage>> PendingAsync(int max, CancellationToken cancellationToken);

    /// <summary>Marks the messages published, so the relay does not send them again; unknown ids are ignored.</summary>
    Task MarkSentAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken);
}
