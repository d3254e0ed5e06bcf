using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Infrastructure.Sqlite;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// Cases as one document each (<see cref="CaseDocument"/>) in the office's partition: the case, its
/// party index and the audit entries of the write in one atomic write. Reads are point reads, the
/// listing a single-partition keyset query; a replace checks the version, then writes at the ETag read.
/// </summary>
public sealed class CosmosCaseStore(CosmosDatabase database, CosmosVocabulary vocabulary) : ICaseStore
{
    public async Task<bool> TryCreateAsync(Case @case, CaseNumber number, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(audit);

        // The number was claimed when it was handed out (CosmosCaseReferenceSequence).
        var indexed = IndexedCase.Of(@case);
        var document = CaseDocument.Of(@case, indexed, audit.Select(AuditDocument.Of));
        await vocabulary.AddAsync(@case.OfficeId, indexed.Vocabulary, cancellationToken);
        if (!await database.Cases.TryCreateAsync(document, @case.OfficeId, cancellationToken))
        {
            return false;
        }

        await AuditProjection.ProjectAsync(database.Audit, document.Audit, cancellationToken);
        return true;
    }

    public async Task<Case?> FindAsync(string officeId, Guid caseId, CancellationToken cancellationToken) =>
        (await database.Cases.ReadAsync<CaseDocument>(caseId.ToString("D"), officeId, cancellationToken))?.Document.ToCase();

    public async Task<bool> TryReplaceAsync(Case @case, long expectedVersion, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(audit);
        CaseVersions.RequireNext(@case, expectedVersion);
        var stored = await database.Cases.ReadAsync<CaseDocument>(@case.Id.ToString("D"), @case.OfficeId, cancellationToken);
        if (stored is null || stored.Document.Version != expectedVersion)
        {
            return false;
        }

        var indexed = IndexedCase.Of(@case);
        var document = CaseDocument.Of(@case, indexed, audit.Select(AuditDocument.Of));
        await vocabulary.AddAsync(@case.OfficeId, indexed.Vocabulary, cancellationToken);
        if (!await database.Cases.TryReplaceAsync(document, document.Id, @case.OfficeId, stored.ETag, cancellationToken))
        {
            return false;
        }

        // The previous write's entries first: a crash after that write may have left them unprojected.
        await AuditProjection.ProjectAsync(database.Audit, stored.Document.Audit.Concat(document.Audit), cancellationToken);
        return true;
    }

    public Task<Page<CaseSummary>> ListAsync(string officeId, CaseQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        var after = KeysetPosition.Parse(page.ContinuationToken);
        var take = KeysetPosition.Take(page);
        var text = string.IsNullOrWhiteSpace(query.Text) ? null : SearchText.Normalize(query.Text);
        var definition = CosmosQuery.In(officeId, CosmosPage.Top(take, "c.createdAt, c.id, c.summary"))
            .WhereIf(query.Status is not null, "c.status = @status", "@status", query.Status is { } status ? Kebab<CaseStatus>.Name(status) : null)
            .WhereIf(query.Priority is not null, "c.priority = @priority", "@priority", query.Priority is { } priority ? Kebab<Priority>.Name(priority) : null)
            .WhereIf(text is not null, "CONTAINS(c.search, @text)", "@text", text)
            .After(after, "createdAt", descending: true)
            .OrderBy("c.createdAt DESC, c.id DESC");
        return CosmosPage.ReadAsync<SummaryRow, CaseSummary>(
            database.Cases, definition, officeId, take, row => (CosmosPage.Position(row.CreatedAt, row.Id), row.Summary.ToSummary(Guid.ParseExact(row.Id, "D"))), cancellationToken);
    }

    private sealed record SummaryRow(string CreatedAt, string Id, CaseSummaryShape Summary);
}
