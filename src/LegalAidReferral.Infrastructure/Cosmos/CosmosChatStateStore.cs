using System.Text.Json;
using LegalAidReferral.Core.Chat.State;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// Chat conversation states and chat references in the <c>chat</c> container. A state is one document in a
/// partition of its own, replaced at its ETag, with a TTL just past its expiry so Cosmos DB deletes an
/// abandoned one by itself; <see cref="DeleteExpiredAsync"/> remains for the timer (and the emulator, which
/// has no TTL). A reference's links share one partition, so one single-partition query finds them.
/// </summary>
public sealed class CosmosChatStateStore(CosmosDatabase database) : IChatStateStore
{
    private const string Conversation = "conversation";
    private const string Link = "link";
    private static readonly TimeSpan TtlMargin = TimeSpan.FromMinutes(5);

    public async Task<ChatState?> FindAsync(string key, CancellationToken cancellationToken) =>
        (await database.Chat.ReadAsync<StateDocument>(key, key, cancellationToken))?.Document.State.Deserialize<ChatState>(CosmosJson.Options);

    public async Task<bool> TrySaveAsync(ChatState state, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var version = expectedVersion + 1;
        state.Version = version;
        var ttl = (int)Math.Ceiling(Math.Max((state.ExpiresAt - state.UpdatedAt + TtlMargin).TotalSeconds, TtlMargin.TotalSeconds));
        var document = new StateDocument(state.Key, state.Key, Conversation, version, CosmosTime.Of(state.ExpiresAt), CosmosJson.ToElement(state), ttl);
        if (expectedVersion == 0)
        {
            return await database.Chat.TryCreateAsync(document, state.Key, cancellationToken);
        }

        var stored = await database.Chat.ReadAsync<StateDocument>(state.Key, state.Key, cancellationToken);
        return stored is not null && stored.Document.Version == expectedVersion
            && await database.Chat.TryReplaceAsync(document, state.Key, state.Key, stored.ETag, cancellationToken);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => database.Chat.DeleteAsync(key, key, cancellationToken);

    /// <summary>A query across partitions (the timer's, never a request's), then a point delete per state.</summary>
    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var query = new QueryDefinition($"SELECT TOP {limit} c.id, c.partition FROM c WHERE c.kind = @kind AND c.expiresAt <= @now")
            .WithParameter("@kind", Conversation)
            .WithParameter("@now", CosmosTime.Of(now));
        var deleted = 0;
        foreach (var row in await database.Chat.QueryAsync<Row>(query, null, cancellationToken))
        {
            deleted += await database.Chat.DeleteAsync(row.Id, row.Partition, cancellationToken) ? 1 : 0;
        }

        return deleted;
    }

    public async Task<IReadOnlyList<ChatCaseLink>> FindLinksAsync(string reference, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.kind = @kind").WithParameter("@kind", Link);
        var links = await database.Chat.QueryAsync<LinkDocument>(query, LinkPartition(reference), cancellationToken);
        return links.OrderBy(l => l.Id, StringComparer.Ordinal).Select(l => new ChatCaseLink(reference, l.Id, Guid.ParseExact(l.CaseId, "D"))).ToArray();
    }

    public Task SaveLinkAsync(ChatCaseLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var partition = LinkPartition(link.Reference);
        return database.Chat.TryCreateAsync(new LinkDocument(link.OfficeId, partition, Link, link.CaseId.ToString("D")), partition, cancellationToken);
    }

    private static string LinkPartition(string reference) => $"reference:{reference}";

    private sealed record Row(string Id, string Partition);

    private sealed record StateDocument(string Id, string Partition, string Kind, long Version, string ExpiresAt, JsonElement State, int Ttl, int Schema = 1);

    private sealed record LinkDocument(string Id, string Partition, string Kind, string CaseId, int Schema = 1);
}
