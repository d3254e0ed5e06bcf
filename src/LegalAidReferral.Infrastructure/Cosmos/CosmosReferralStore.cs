using System.Globalization;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Infrastructure.Sqlite;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// Referral copies as one document each (<see cref="ReferralDocument"/>) in the holder's partition.
/// A write stores the copy, its outbox messages, its audit entries and (for a received message) the
/// message id in that one document; the audit entries are then projected into the audit container.
/// The lists and the sweep select the copy without its thread (<see cref="ReferralDocument.Thread"/>, outside
/// <c>c.referral</c> in storage shape 2), so a listed copy's messages are neither sent nor parsed.
/// </summary>
public sealed class CosmosReferralStore(CosmosDatabase database, IOfficeDirectory offices) : IReferralStore
{
    public async Task<Referral?> FindAsync(string holderOfficeId, Guid referralId, CancellationToken cancellationToken) =>
        (await database.Referrals.ReadAsync<ReferralDocument>(referralId.ToString("D"), holderOfficeId, cancellationToken))?.Document.ToReferral();

    public Task<Page<Referral>> ListAsync(string holderOfficeId, ReferralQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        var take = KeysetPosition.Take(page);
        var copy = query.Direction == ReferralDirection.Outgoing ? ReferralCopy.Sending : ReferralCopy.Receiving;
        var definition = CosmosQuery.In(holderOfficeId, CosmosPage.Top(take, ListedFields))
            .Where("c.copy = @copy", "@copy", Kebab<ReferralCopy>.Name(copy))
            .WhereIf(query.Status is not null, "c.status = @status", "@status", query.Status is { } status ? Kebab<ReferralStatus>.Name(status) : null)
            .After(KeysetPosition.Parse(page.ContinuationToken), "createdAt", descending: true)
            .OrderBy("c.createdAt DESC, c.id DESC");
        return CosmosPage.ReadAsync<ReferralRow, Referral>(
            database.Referrals, definition, holderOfficeId, take, r => (CosmosPage.Position(r.CreatedAt, r.Id), r.ToReferral()), cancellationToken);
    }

    public async Task<IReadOnlyList<Referral>> ListForCaseAsync(string officeId, Guid caseId, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition($"SELECT {ListedFields}, c.thread FROM c WHERE c.officeId = @office AND c.caseId = @case ORDER BY c.createdAt, c.id")
            .WithParameter("@office", officeId)
            .WithParameter("@case", caseId.ToString("D"));
        return (await database.Referrals.QueryAsync<ReferralRow>(query, officeId, cancellationToken)).Select(r => r.ToReferral()).ToArray();
    }

    /// <summary>
    /// Office by office (single-partition queries): first the copies not in a final status, by id, then
    /// the final copies that still have an open alert. The token says which office and step comes next.
    /// </summary>
    public async Task<Page<Referral>> ListForSweepAsync(string? continuationToken, int limit, CancellationToken cancellationToken)
    {
        var position = SweepPosition.Parse(continuationToken);
        var officeIds = (await offices.ListAsync(cancellationToken)).Select(o => o.Id).ToArray();
        var index = Array.BinarySearch(officeIds, position.OfficeId, StringComparer.Ordinal);
        index = index < 0 ? ~index : index;
        if (index >= officeIds.Length)
        {
            return new Page<Referral>([], null);
        }

        var officeId = officeIds[index];
        var after = officeId == position.OfficeId ? position : new SweepPosition(officeId, SweepPosition.Open, "");
        var (items, lastId, full) = after.Step == SweepPosition.Open
            ? await OpenCopiesAsync(officeId, after.AfterId, limit, cancellationToken)
            : await FinalCopiesWithAlertsAsync(officeId, after.AfterId, limit, cancellationToken);
        var next = full
            ? after with { AfterId = lastId }
            : after.Step == SweepPosition.Open
                ? new SweepPosition(officeId, SweepPosition.Alerted, "")
                : index + 1 < officeIds.Length ? new SweepPosition(officeIds[index + 1], SweepPosition.Open, "") : null;
        return new Page<Referral>(items, next?.ToToken());
    }

    public async Task<bool> TryCreateAsync(Referral copy, IReadOnlyList<ExchangeMessage> messages, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var document = ReferralDocument.Of(copy, Shapes(messages), [], audit.Select(AuditDocument.Of));
        if (!await database.Referrals.TryCreateAsync(document, copy.HolderOfficeId, cancellationToken))
        {
            return false;
        }

        await AuditProjection.ProjectAsync(database.Audit, document.Audit, cancellationToken);
        return true;
    }

    public async Task<bool> TryReplaceAsync(
        Referral copy, long expectedVersion, IReadOnlyList<ExchangeMessage> messages, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(copy);
        return await ReplaceAsync(copy, expectedVersion, stored => ReferralDocument.Of(copy, stored.OutboxWith(messages), stored.Handled, audit.Select(AuditDocument.Of)), cancellationToken);
    }

    public async Task<bool> TryReceiveAsync(
        Referral copy, long? expectedVersion, Guid messageId, IReadOnlyList<ExchangeMessage> messages, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var id = messageId.ToString("D");
        if (expectedVersion is not { } expected)
        {
            // A copy is created by the first message about it: a redelivery finds it there and changes nothing.
            var document = ReferralDocument.Of(copy, Shapes(messages), [id], audit.Select(AuditDocument.Of));
            if (!await database.Referrals.TryCreateAsync(document, copy.HolderOfficeId, cancellationToken))
            {
                return false;
            }

            await AuditProjection.ProjectAsync(database.Audit, document.Audit, cancellationToken);
            return true;
        }

        return await ReplaceAsync(
            copy,
            expected,
            stored => stored.Handled.Contains(id) ? null : ReferralDocument.Of(copy, stored.OutboxWith(messages), [.. stored.Handled, id], audit.Select(AuditDocument.Of)),
            cancellationToken);
    }

    private static MessageShape[] Shapes(IReadOnlyList<ExchangeMessage> messages) => messages.Select(MessageShape.Of).DistinctBy(m => m.Id).ToArray();

    /// <summary>The office's copies not in a final status, by id, after <paramref name="afterId"/>.</summary>
    private async Task<SweepScan> OpenCopiesAsync(string officeId, string afterId, int limit, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition(
                string.Create(CultureInfo.InvariantCulture, $"SELECT TOP {limit} {ListedFields} FROM c WHERE c.officeId = @office AND c.final = false AND c.id > @after ORDER BY c.id"))
            .WithParameter("@office", officeId)
            .WithParameter("@after", afterId);
        var rows = await database.Referrals.QueryAsync<ReferralRow>(query, officeId, cancellationToken);
        return new SweepScan(rows.Select(r => r.ToReferral()).ToList(), rows.Count > 0 ? rows[^1].Id : afterId, rows.Count == limit);
    }

    /// <summary>
    /// The office's final copies with an open alert: the next <paramref name="limit"/> open alerts by
    /// referral id, and of their referrals those in a final status (the others were swept as open). The
    /// scan goes on after the last alert read, whatever it kept, so a page of alerts of open copies never
    /// ends the scan early.
    /// </summary>
    private async Task<SweepScan> FinalCopiesWithAlertsAsync(string officeId, string afterId, int limit, CancellationToken cancellationToken)
    {
        var alerted = new QueryDefinition(
                string.Create(CultureInfo.InvariantCulture, $"SELECT TOP {limit} c.referralId FROM c WHERE c.officeId = @office AND c.open = true AND c.referralId > @after ORDER BY c.referralId"))
            .WithParameter("@office", officeId)
            .WithParameter("@after", afterId);
        var rows = await database.Alerts.QueryAsync<AlertedRow>(alerted, officeId, cancellationToken);
        var copies = new List<Referral>();
        foreach (var id in rows.Select(r => r.ReferralId).Distinct(StringComparer.Ordinal))
        {
            if (await database.Referrals.ReadAsync<ReferralDocument>(id, officeId, cancellationToken) is { Document.Final: true } stored)
            {
                copies.Add(ReferralDocument.Read(stored.Document.Id, stored.Document.Schema, stored.Document.Referral, null));
            }
        }

        return new SweepScan(copies, rows.Count > 0 ? rows[^1].ReferralId : afterId, rows.Count == limit);
    }

    /// <summary>Replaces the copy at <paramref name="expectedVersion"/> with the document <paramref name="next"/> makes of the stored one (null: write nothing).</summary>
    private async Task<bool> ReplaceAsync(Referral copy, long expectedVersion, Func<ReferralDocument, ReferralDocument?> next, CancellationToken cancellationToken)
    {
        var id = copy.Id.ToString("D");
        var stored = await database.Referrals.ReadAsync<ReferralDocument>(id, copy.HolderOfficeId, cancellationToken);
        if (stored is null || stored.Document.Version != expectedVersion || next(stored.Document) is not { } document
            || !await database.Referrals.TryReplaceAsync(document, id, copy.HolderOfficeId, stored.ETag, cancellationToken))
        {
            return false;
        }

        await AuditProjection.ProjectAsync(database.Audit, stored.Document.Audit.Concat(document.Audit), cancellationToken);
        return true;
    }

    /// <summary>What a list selects of a copy: its position, its storage shape and the copy (with its thread in shape 1 only).</summary>
    private const string ListedFields = "c.createdAt, c.id, c.schema, c.referral";

    /// <param name="Thread">Selected only where the copy may be changed (a consent withdrawal); null otherwise.</param>
    private sealed record ReferralRow(string CreatedAt, string Id, int Schema, System.Text.Json.JsonElement Referral, System.Text.Json.JsonElement? Thread = null)
    {
        public Referral ToReferral() => ReferralDocument.Read(Id, Schema, Referral, Thread);
    }

    private sealed record AlertedRow(string ReferralId);

    /// <summary>What one step of the sweep kept, the last id it read, and whether more may follow.</summary>
    private sealed record SweepScan(List<Referral> Items, string LastId, bool Full);
}
