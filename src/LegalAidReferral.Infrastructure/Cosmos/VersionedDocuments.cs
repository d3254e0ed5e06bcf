using System.Globalization;
using System.Text.Json;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// Versions of an office's document (triage policy, protocol settings), one document per version in the
/// office's partition with the version as its id, so adding a version that exists fails and changes nothing.
/// A version's document also holds the messages its change sends until the relay marks them sent (the
/// outbox, <c>outboxPending</c> while any are left, as in a referral document).
/// </summary>
internal sealed class VersionedDocuments<T>(Func<Container> container, string what)
    where T : class
{
    public async Task<T?> CurrentAsync(string officeId, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT TOP 1 * FROM c WHERE c.officeId = @office ORDER BY c.version DESC").WithParameter("@office", officeId);
        var found = await container().QueryAsync<VersionDocument>(query, officeId, cancellationToken);
        return found.Count == 0 ? null : CosmosJson.FromElement<T>(found[0].Body, what);
    }

    public async Task<T?> VersionAsync(string officeId, int version, CancellationToken cancellationToken) =>
        await container().ReadAsync<VersionDocument>(IdOf(version), officeId, cancellationToken) is { } stored
            ? CosmosJson.FromElement<T>(stored.Document.Body, what)
            : null;

    public Task<bool> TryAddAsync(string officeId, int version, T value, CancellationToken cancellationToken) =>
        TryAddAsync(officeId, version, value, [], cancellationToken);

    /// <summary>Adds the version with <paramref name="outbox"/>, the messages its change sends, in the same document.</summary>
    public Task<bool> TryAddAsync(string officeId, int version, T value, IReadOnlyList<MessageShape> outbox, CancellationToken cancellationToken) =>
        container().TryCreateAsync(
            new VersionDocument(IdOf(version), officeId, version, CosmosJson.ToElement(value), Outbox: outbox, OutboxPending: outbox.Count > 0), officeId, cancellationToken);

    /// <summary>Adds <paramref name="message"/> to the outbox of an existing version's document (at its ETag, read again on a race); false if the version does not exist.</summary>
    public async Task<bool> AddToOutboxAsync(string officeId, int version, MessageShape message, CancellationToken cancellationToken)
    {
        while (true)
        {
            var stored = await container().ReadAsync<VersionDocument>(IdOf(version), officeId, cancellationToken);
            if (stored is null)
            {
                return false;
            }

            var outbox = stored.Document.Outbox ?? [];
            if (outbox.Any(m => m.Id == message.Id))
            {
                return true;
            }

            var document = stored.Document with { Outbox = [.. outbox, message], OutboxPending = true };
            if (await container().TryReplaceAsync(document, document.Id, officeId, stored.ETag, cancellationToken))
            {
                return true;
            }
        }
    }

    /// <summary>Removes the sent messages from a version's outbox (the relay's mark), at its ETag, read again on a race.</summary>
    public async Task RemoveFromOutboxAsync(string officeId, string documentId, HashSet<string> sent, CancellationToken cancellationToken)
    {
        while (true)
        {
            var stored = await container().ReadAsync<VersionDocument>(documentId, officeId, cancellationToken);
            if (stored?.Document.Outbox is not { } outbox || !outbox.Any(m => sent.Contains(m.Id)))
            {
                return;
            }

            var left = outbox.Where(m => !sent.Contains(m.Id)).ToArray();
            var document = stored.Document with { Outbox = left, OutboxPending = left.Length > 0 };
            if (await container().TryReplaceAsync(document, documentId, officeId, stored.ETag, cancellationToken))
            {
                return;
            }
        }
    }

    private static string IdOf(int version) => version.ToString(CultureInfo.InvariantCulture);

    /// <param name="Outbox">Null in documents stored before versions had an outbox.</param>
    private sealed record VersionDocument(
        string Id, string OfficeId, int Version, JsonElement Body, int Schema = 1, IReadOnlyList<MessageShape>? Outbox = null, bool OutboxPending = false);
}
