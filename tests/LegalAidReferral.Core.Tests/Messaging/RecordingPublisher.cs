using LegalAidReferral.Core.Messaging;

namespace LegalAidReferral.Core.Tests.Messaging;

/// <summary>Records what it publishes; fails the messages it is told to fail.</summary>
internal sealed class RecordingPublisher : IMessagePublisher
{
    public List<ExchangeMessage> Published { get; } = [];

    public HashSet<Guid> Failing { get; } = [];

    public Task PublishAsync(ExchangeMessage message, CancellationToken cancellationToken)
    {
        if (Failing.Contains(message.Id))
        {
            throw new IOException("The exchange is unreachable.");
        }

        Published.Add(message);
        return Task.CompletedTask;
    }
}
