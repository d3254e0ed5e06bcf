using System.Globalization;
using LegalAidReferral.Core.Messaging;
using Microsoft.Azure.Cosmos;

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

    /// <summary>A query across partitions (the timer's, never a request's), then a point delete per message.</summary>
    public async Task<int> DeleteExpiredAsync(DateTimeOffset setAsideBefore, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var query = new QueryDefinition(string.Create(CultureInfo.InvariantCulture, $"SELECT TOP {limit} c.id FROM c WHERE c.at < @before"))
            .WithParameter("@before", CosmosTime.Of(setAsideBefore));
        var deleted = 0;
        foreach (var row in await database.DeadLetters.QueryAsync<ExpiredRow>(query, null, cancellationToken))
        {
            deleted += await database.DeadLetters.DeleteAsync(row.Id, row.Id, cancellationToken) ? 1 : 0;
        }

        return deleted;
    }

    private sealed record ExpiredRow(string Id);

    private sealed record DeadLetterDocument(string Id, string Topic, string Subject, string CorrelationId, string Body, string Reason, string At, int Schema = 1);
}
