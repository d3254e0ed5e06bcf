using LegalAidReferral.Core.Messaging;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>Rejected messages, one document per message id; a message set aside twice keeps its first reason.</summary>
public sealed class CosmosDeadLetters(CosmosDatabase database) : IDeadLetters
{
    public Task SetAsideAsync(ExchangeMessage message, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        var id = message.Id.ToString("D");
        var document = new DeadLetterDocument(id, message.Topic, message.Subject, message.CorrelationId, message.Body, reason, CosmosTime.Of(at));
        return database.DeadLetters.TryCreateAsync(document, id, cancellationToken);
    }

    private sealed record DeadLetterDocument(string Id, string Topic, string Subject, string CorrelationId, string Body, string Reason, string At, int Schema = 1);
}
