using System.Collections.Concurrent;
using System.Globalization;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Offices;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// The outbox as the relay sees it: the messages waiting inside referral documents and protocol
/// settings versions. Pending messages are found with one single-partition query per office of the
/// directory and container (documents flagged <c>outboxPending</c>, an indexed path; at most <c>max</c>
/// documents per office, so a backlog is read in bounded slices), and marked sent by removing them from
/// their document at its ETag.
/// </summary>
public sealed class CosmosOutbox(CosmosDatabase database, IOfficeDirectory offices) : IOutbox
{
    private readonly VersionedDocuments<Core.Referrals.Protocol.ProtocolSettings> settings = CosmosProtocolSettingsStore.Versions(database);

    // Which document holds each pending message the last scans found, for MarkSentAsync. An id no scan of
    // this process found is ignored: after a restart the relay publishes such a message again, and
    // receivers de-duplicate by message id.
    private readonly ConcurrentDictionary<Guid, Location> located = new();

    private enum Source
    {
        Referrals,
        ProtocolSettings,
    }

    public async Task<IReadOnlyList<ExchangeMessage>> PendingAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var pending = new List<(ExchangeMessage Message, Location Location)>();
        foreach (var office in await offices.ListAsync(cancellationToken))
        {
            var query = new QueryDefinition(
                    string.Create(CultureInfo.InvariantCulture, $"SELECT TOP {max} c.id, c.officeId, c.outbox FROM c WHERE c.officeId = @office AND c.outboxPending = true"))
                .WithParameter("@office", office.Id);
            foreach (var (source, container) in new[] { (Source.Referrals, database.Referrals), (Source.ProtocolSettings, database.ProtocolSettings) })
            {
                foreach (var row in await container.QueryAsync<PendingRow>(query, office.Id, cancellationToken))
                {
                    pending.AddRange(row.Outbox.Select(m => (m.ToMessage(), new Location(source, row.OfficeId, row.Id))));
                }
            }
        }

        foreach (var (message, location) in pending)
        {
            located[message.Id] = location;
        }

        // Stable: a document's messages keep the order they were saved in.
        return pending.OrderBy(p => p.Message.CreatedAt).Take(max).Select(p => p.Message).ToArray();
    }

    public async Task MarkSentAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        var byDocument = messageIds
            .Where(located.ContainsKey)
            .GroupBy(id => located[id], id => id.ToString("D"));
        foreach (var group in byDocument)
        {
            var sent = group.ToHashSet(StringComparer.Ordinal);
            await (group.Key.Source == Source.Referrals
                ? RemoveAsync(group.Key.OfficeId, group.Key.DocumentId, sent, cancellationToken)
                : settings.RemoveFromOutboxAsync(group.Key.OfficeId, group.Key.DocumentId, sent, cancellationToken));
            foreach (var id in group)
            {
                located.TryRemove(Guid.ParseExact(id, "D"), out _);
            }
        }
    }

    private async Task RemoveAsync(string officeId, string documentId, HashSet<string> sent, CancellationToken cancellationToken)
    {
        while (true)
        {
            var stored = await database.Referrals.ReadAsync<ReferralDocument>(documentId, officeId, cancellationToken);
            if (stored is null || !stored.Document.Outbox.Any(m => sent.Contains(m.Id)))
            {
                return;
            }

            var outbox = stored.Document.Outbox.Where(m => !sent.Contains(m.Id)).ToArray();
            var document = stored.Document with { Outbox = outbox, OutboxPending = outbox.Length > 0 };
            if (await database.Referrals.TryReplaceAsync(document, documentId, officeId, stored.ETag, cancellationToken))
            {
                return;
            }
        }
    }

    private sealed record Location(Source Source, string OfficeId, string DocumentId);

    private sealed record PendingRow(string Id, string OfficeId, IReadOnlyList<MessageShape> Outbox);
}
