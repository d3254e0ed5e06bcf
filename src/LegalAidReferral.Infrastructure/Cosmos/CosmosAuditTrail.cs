using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Infrastructure.Sqlite;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// The audit trail: one document per entry in the office's partition. Reads record their entries here
/// directly; writes carry theirs in the case or referral document and project them here after the write.
/// A history read also takes the entries still pending in those documents (a crash between a write and
/// its projection), so the trail never misses a write that was stored.
/// </summary>
public sealed class CosmosAuditTrail(CosmosDatabase database) : IAuditTrail
{
    public Task RecordAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }

        // A cancelled caller stops waiting, but its entries are still written: an access happened.
        return AuditProjection.ProjectAsync(database.Audit, entries.Select(AuditDocument.Of).ToArray(), CancellationToken.None).WaitAsync(cancellationToken);
    }

    public async Task<Page<AuditEntry>> ListForCaseAsync(string officeId, Guid caseId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var after = KeysetPosition.Parse(page.ContinuationToken);
        var take = KeysetPosition.Take(page);
        var id = caseId.ToString("D");
        var definition = CosmosQuery.In(officeId, CosmosPage.Top(take, "*"))
            .Where("c.caseId = @case", "@case", id)
            .After(after, "at", descending: false)
            .OrderBy("c.at, c.id");
        var projected = await database.Audit.QueryAsync<AuditDocument>(definition, officeId, cancellationToken);
        var pending = await PendingAsync(officeId, id, cancellationToken);
        var entries = projected
            .Concat(pending.Where(e => e.CaseId == id))
            .DistinctBy(e => e.Id)
            .Select(e => (Position: CosmosPage.Position(e.At, e.Id), Entry: e))
            .Where(e => after is not { } a || e.Position.Ticks > a.Ticks || (e.Position.Ticks == a.Ticks && string.CompareOrdinal(e.Position.Id, a.Id) > 0))
            .OrderBy(e => e.Position.Ticks)
            .ThenBy(e => e.Position.Id, StringComparer.Ordinal)
            .Take(take + 1)
            .ToList();
        var items = entries.Take(take).Select(e => e.Entry.ToEntry()).ToArray();
        return new Page<AuditEntry>(items, entries.Count > take ? entries[take - 1].Position.ToToken() : null);
    }

    /// <summary>The entries of the last write of the case, of the referral copies about it (or of the receiving copy with its id) and of its document records.</summary>
    private async Task<IEnumerable<AuditDocument>> PendingAsync(string officeId, string caseId, CancellationToken cancellationToken)
    {
        var @case = await database.Cases.ReadAsync<CaseDocument>(caseId, officeId, cancellationToken);
        var referrals = await PendingInAsync(database.Referrals, "(c.caseId = @case OR c.id = @case)");
        var documents = await PendingInAsync(database.Documents, "c.caseId = @case");
        return (@case?.Document.Audit ?? []).Concat(referrals).Concat(documents);

        async Task<IEnumerable<AuditDocument>> PendingInAsync(Container container, string ofCase) =>
            (await container.QueryAsync<PendingRow>(
                new QueryDefinition($"SELECT c.audit FROM c WHERE c.officeId = @office AND {ofCase}")
                    .WithParameter("@office", officeId)
                    .WithParameter("@case", caseId),
                officeId,
                cancellationToken))
            .SelectMany(r => r.Audit);
    }

    private sealed record PendingRow(IReadOnlyList<AuditDocument> Audit);
}
