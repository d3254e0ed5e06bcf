using LegalAidReferral.Core.Messaging;

namespace LegalAidReferral.Core.Tests.Messaging;

/// <summary>An outbox in a list, in the order messages were saved.</summary>
internal sealed class MemoryOutbox : IOutbox
{
    private readonly List<ExchangeMessage> pending = [];

    public IReadOnlyList<ExchangeMessage> Pending => pending;

    public void Save(params ExchangeMessage[] messages) => pending.AddRange(messages);

    public Task<IReadOnlyList<ExchangeMessage>> PendingAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ExchangeMessage>>(pending.Take(max).ToArray());

    public Task MarkSentAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken)
    {
        pending.RemoveAll(m => messageIds.Contains(m.Id));
        return Task.CompletedTask;
    }

    public static ExchangeMessage Message(string correlation, string subject = "step") =>
        new(Guid.NewGuid(), Topics.Referrals, subject, "gt-idpp-guatemala", "mx-ifdp-tapachula", correlation, "{}", DateTimeOffset.UnixEpoch);
}
