using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// The audit trail. Every case read appends a row: the entries go to the database's writer, which
/// commits whatever has queued up in one transaction (group commit), and each caller is answered only
/// after that commit. The entries of writes are not recorded here: the case store writes them with the case.
/// </summary>
public sealed class SqliteAuditTrail(SqliteDatabase database) : IAuditTrail
{
    public Task RecordAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }

        var rows = entries.Select(AuditRow.Of).ToArray();

        // A cancelled caller stops waiting, but its entries are still written: an access happened.
        return database.WriteAsync(
                write =>
                {
                    AuditRow.Insert(write, rows);
                    return true;
                },
                CancellationToken.None)
            .WaitAsync(cancellationToken);
    }

    public Task<Page<AuditEntry>> ListForCaseAsync(string officeId, Guid caseId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var after = KeysetPosition.Parse(page.ContinuationToken);
        var take = KeysetPosition.Take(page);
        var sql = after is null
            ? "SELECT * FROM audit WHERE office_id = $office AND case_id = $case ORDER BY at, id LIMIT $take;"
            : "SELECT * FROM audit WHERE office_id = $office AND case_id = $case AND (at > $afterAt OR (at = $afterAt AND id > $afterId)) ORDER BY at, id LIMIT $take;";
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

                return KeysetPosition.ReadPage(command, take, reader =>
                {
                    var row = AuditRow.Read(reader);
                    return (new KeysetPosition(row.At, row.Id), row.ToEntry());
                });
            },
            cancellationToken));
    }
}
