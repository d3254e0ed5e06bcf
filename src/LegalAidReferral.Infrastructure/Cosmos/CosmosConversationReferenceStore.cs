using System.Security.Cryptography;
using System.Text;
using LegalAidReferral.Core.Chat;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// Chat conversation references in Cosmos DB: partitioned by conversation id, one document per channel
/// in it. A channel's ids may hold characters a document id cannot (such as '/'), so the id is a hash.
/// </summary>
public sealed class CosmosConversationReferenceStore(CosmosDatabase database) : IConversationReferenceStore
{
    public Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var address = reference.Address;
        var document = new ReferenceDocument(Id(address.ChannelId, address.ConversationId), address.ConversationId, reference, CosmosTime.Of(reference.UpdatedAt));
        return database.ChatReferences.UpsertAsync(document, address.ConversationId, cancellationToken);
    }

    public async Task<ConversationReference?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        (await database.ChatReferences.ReadAsync<ReferenceDocument>(Id(channelId, conversationId), conversationId, cancellationToken))?.Document.Reference;

    private static string Id(string channelId, string conversationId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{channelId}\n{conversationId}")));

    private sealed record ReferenceDocument(string Id, string ConversationId, ConversationReference Reference, string UpdatedAt, int Schema = 1);
}
