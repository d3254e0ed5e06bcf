using System.Text;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Conflicts;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// Cases as one JSON document per row, with the columns the listing filters and sorts on, and the
/// case's parties in the conflict check's index (<see cref="SqlitePartyRows"/>) and the write's audit
/// entries, all written in the same transaction: a case is never stored without the entry that records its write.
/// A new case also claims its reference number in that transaction, so an intake is one transaction.
/// </summary>
public sealed class SqliteCaseStore(SqliteDatabase database) : ICaseStore
{
    private const string Columns = "office_id, id, version, status, priority, created_at, search, document";

    private readonly DecodedCaseCache decoded = new();

    public Task<bool> TryCreateAsync(Case @case, CaseNumber number, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(audit);
        var row = CaseRow.Of(@case);
        var parties = SqlitePartyRows.Of(row.OfficeId, row.Id, IndexedCase.Of(@case));
        var auditRows = audit.Select(AuditRow.Of).ToArray();
        return database.WriteAsync(
            write =>
            {
                var command = write.Command(
                    $"INSERT INTO cases ({Columns}) VALUES ($office, $id, $version, $status, $priority, $created, $search, $document) ON CONFLICT DO NOTHING;");
                row.Bind(command);
                if (command.ExecuteNonQuery() != 1)
                {
                    return false;
                }

                // Party rows are written only with their case and cases are never deleted, so a new case has none.
                parties.Insert(write);
                SqliteCaseReferenceSequence.Claim(write, number);
                AuditRow.Insert(write, auditRows);
                return true;
            },
            cancellationToken);
    }

    /// <summary>
    /// The stored case; its document is sent and parsed only when the version in the row is not the
    /// one <see cref="DecodedCaseCache"/> already holds.
    /// </summary>
    public Task<Case?> FindAsync(string officeId, Guid caseId, CancellationToken cancellationToken) =>
        Task.FromResult(database.Read(
            read =>
            {
                var held = decoded.Held(officeId, caseId);
                var command = read.Command(
                    "SELECT CASE WHEN version = $known THEN NULL ELSE document END FROM cases WHERE office_id = $office AND id = $id;");
                command.Parameters.AddWithValue("$office", officeId);
                command.Parameters.AddWithValue("$id", caseId.ToString("D"));
                command.Parameters.AddWithValue("$known", held?.Version ?? -1);
                using var reader = command.ExecuteReader();
                if (!reader.Read())
                {
                    return null;
                }

                if (reader.IsDBNull(0))
                {
                    return held;
                }

                var parsed = StoredJson.Read<Case>(reader, 0, Document);
                decoded.Remember(parsed);
                return parsed;
            },
            cancellationToken));

    public Task<bool> TryReplaceAsync(Case @case, long expectedVersion, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(audit);
        CaseVersions.RequireNext(@case, expectedVersion);
        var row = CaseRow.Of(@case);
        var parties = SqlitePartyRows.Of(row.OfficeId, row.Id, IndexedCase.Of(@case));
        var auditRows = audit.Select(AuditRow.Of).ToArray();
        return database.WriteAsync(
            write =>
            {
                var command = write.Command(
                    """
                    UPDATE cases
                    SET version = $version, status = $status, priority = $priority, created_at = $created, search = $search, document = $document
                    WHERE office_id = $office AND id = $id AND version = $expected;
                    """);
                row.Bind(command);
                command.Parameters.AddWithValue("$expected", expectedVersion);
                if (command.ExecuteNonQuery() != 1)
                {
                    return false;
                }

                parties.Replace(write);
                AuditRow.Insert(write, auditRows);
                return true;
            },
            cancellationToken);
    }

    public Task<Page<CaseSummary>> ListAsync(string officeId, CaseQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        var after = KeysetPosition.Parse(page.ContinuationToken);
        var take = KeysetPosition.Take(page);
        var text = string.IsNullOrWhiteSpace(query.Text) ? null : SearchText.Normalize(query.Text);

        // Only the filters in use appear in the SQL, so SQLite can pick the matching index.
        var sql = new StringBuilder("SELECT created_at, id, document FROM cases WHERE office_id = $office");
        if (query.Status is not null)
        {
            sql.Append(" AND status = $status");
        }

        if (query.Priority is not null)
        {
            sql.Append(" AND priority = $priority");
        }

        if (text is not null)
        {
            sql.Append(@" AND search LIKE $text ESCAPE '\'");
        }

        if (after is not null)
        {
            sql.Append(" AND (created_at < $afterCreated OR (created_at = $afterCreated AND id < $afterId))");
        }

        sql.Append(" ORDER BY created_at DESC, id DESC LIMIT $take;");

        return Task.FromResult(database.Read(
            read =>
            {
                var command = read.Command(sql.ToString());
                command.Parameters.AddWithValue("$office", officeId);
                command.Parameters.AddWithValue("$take", take + 1);
                if (query.Status is { } status)
                {
                    command.Parameters.AddWithValue("$status", Kebab<CaseStatus>.Name(status));
                }

                if (query.Priority is { } priority)
                {
                    command.Parameters.AddWithValue("$priority", Kebab<Priority>.Name(priority));
                }

                if (text is not null)
                {
                    command.Parameters.AddWithValue("$text", $"%{EscapeLike(text)}%");
                }

                if (after is { } position)
                {
                    command.Parameters.AddWithValue("$afterCreated", position.Ticks);
                    command.Parameters.AddWithValue("$afterId", position.Id);
                }

                return KeysetPosition.ReadPage(
                    command, take, reader => (new KeysetPosition(reader.GetInt64(0), reader.GetString(1)), CaseSummary.Of(StoredJson.Read<Case>(reader, 2, Document))));
            },
            cancellationToken));
    }

    internal const string Document = "case document";

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}
