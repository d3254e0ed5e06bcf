using System.Text.Json;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Documents;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>Document records as one JSON document per row, keyed by office and id, written with the upload's audit entries.</summary>
public sealed class SqliteDocumentCatalog(SqliteDatabase database) : IDocumentCatalog
{
    public Task<bool> TryAddAsync(CaseDocument document, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(audit);
        var json = JsonSerializer.Serialize(document, WireJson.Options);
        var auditRows = audit.Select(AuditRow.Of).ToArray();
        return database.WriteAsync(
            write =>
            {
                var command = write.Command(
                    "INSERT INTO documents (office_id, id, case_id, uploaded_at, document) VALUES ($office, $id, $case, $at, $document) ON CONFLICT DO NOTHING;");
                command.Parameters.AddWithValue("$office", document.OfficeId);
                command.Parameters.AddWithValue("$id", document.Id.ToString("D"));
                command.Parameters.AddWithValue("$case", document.CaseId.ToString("D"));
                command.Parameters.AddWithValue("$at", document.UploadedAt.UtcTicks);
                command.Parameters.AddWithValue("$document", json);
                if (command.ExecuteNonQuery() != 1)
                {
                    return false;
                }

                AuditRow.Insert(write, auditRows);
                return true;
            },
            cancellationToken);
    }

    public Task<CaseDocument?> FindAsync(string officeId, Guid documentId, CancellationToken cancellationToken) =>
        Task.FromResult(database.Read(
            read =>
            {
                var command = read.Command("SELECT document FROM documents WHERE office_id = $office AND id = $id;");
                command.Parameters.AddWithValue("$office", officeId);
                command.Parameters.AddWithValue("$id", documentId.ToString("D"));
                return StoredJson.ReadFirst<CaseDocument>(command, Record);
            },
            cancellationToken));

    public Task<Page<CaseDocument>> ListAsync(string officeId, Guid caseId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var after = KeysetPosition.Parse(page.ContinuationToken);
        var take = KeysetPosition.Take(page);
        var sql = after is null
            ? "SELECT uploaded_at, id, document FROM documents WHERE office_id = $office AND case_id = $case ORDER BY uploaded_at, id LIMIT $take;"
            : "SELECT uploaded_at, id, document FROM documents WHERE office_id = $office AND case_id = $case AND (uploaded_at > $afterAt OR (uploaded_at = $afterAt AND id > $afterId)) ORDER BY uploaded_at, id LIMIT $take;";
        return Task.FromResult(database.Read(
            read =>
            {
                var command = read.Command(sql);
                command.Parameters.AddWithValue("$office", officeId);
                command.Parameters.AddWithValue("$case", caseId.ToString("D"));
                command.Parameters.AddWithValue("$take", take + 1);
                if (after is { } position)
                {
                    command.Parameters.AddWithValue("$afterAt", position.Ticks);
                    command.Parameters.AddWithValue("$afterId", position.Id);
                }

                return KeysetPosition.ReadPage(command, take, reader => (new KeysetPosition(reader.GetInt64(0), reader.GetString(1)), StoredJson.Read<CaseDocument>(reader, 2, Record)));
            },
            cancellationToken));
    }

    public Task<int> EraseCaseAsync(string officeId, Guid caseId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            write =>
            {
                var command = write.Command("DELETE FROM documents WHERE office_id = $office AND case_id = $case;");
                command.Parameters.AddWithValue("$office", officeId);
                command.Parameters.AddWithValue("$case", caseId.ToString("D"));
                return command.ExecuteNonQuery();
            },
            cancellationToken);

    private const string Record = "document record";
}
