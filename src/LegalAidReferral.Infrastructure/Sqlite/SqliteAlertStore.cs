using System.Text.Json;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;
using Microsoft.Data.Sqlite;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>Missed-deadline alerts in SQLite: raised once by id, cleared by the sweep, listed per office.</summary>
public sealed class SqliteAlertStore(SqliteDatabase database) : IAlertStore
{
    public Task<int> SyncAsync(string officeId, Guid referralId, IReadOnlyList<MissedDeadlineAlert> open, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(open);
        var rows = open.Select(a => (Id: a.Id.ToString("D"), DueAt: a.DueAt.UtcTicks, Document: JsonSerializer.Serialize(a, WireJson.Options))).ToArray();
        var ids = SqliteJson.Array(rows.Select(r => r.Id));
        return database.WriteAsync(
            write =>
            {
                var clear = write.Command(
                    """
                    UPDATE alerts SET cleared_at = $now
                    WHERE office_id = $office AND referral_id = $referral AND cleared_at IS NULL AND id NOT IN (SELECT value FROM json_each($ids));
                    """);
                clear.Parameters.AddWithValue("$now", now.UtcTicks);
                clear.Parameters.AddWithValue("$office", officeId);
                clear.Parameters.AddWithValue("$referral", referralId.ToString("D"));
                clear.Parameters.AddWithValue("$ids", ids);
                clear.ExecuteNonQuery();

                var raised = 0;
                foreach (var (id, dueAt, document) in rows)
                {
                    var insert = write.Command(
                        """
                        INSERT INTO alerts (id, office_id, referral_id, due_at, raised_at, cleared_at, document)
                        VALUES ($id, $office, $referral, $due, $now, NULL, $document) ON CONFLICT DO NOTHING;
                        """);
                    insert.Parameters.AddWithValue("$id", id);
                    insert.Parameters.AddWithValue("$office", officeId);
                    insert.Parameters.AddWithValue("$referral", referralId.ToString("D"));
                    insert.Parameters.AddWithValue("$due", dueAt);
                    insert.Parameters.AddWithValue("$now", now.UtcTicks);
                    insert.Parameters.AddWithValue("$document", document);
                    raised += insert.ExecuteNonQuery();
                }

                return raised;
            },
            cancellationToken);
    }

    public Task<Page<RaisedAlert>> ListOpenAsync(string officeId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var after = KeysetPosition.Parse(page.ContinuationToken);
        var take = KeysetPosition.Take(page);
        var sql = after is null
            ? "SELECT due_at, id, document, raised_at, acknowledged_at, acknowledged_by FROM alerts WHERE office_id = $office AND cleared_at IS NULL ORDER BY due_at, id LIMIT $take;"
            : "SELECT due_at, id, document, raised_at, acknowledged_at, acknowledged_by FROM alerts WHERE office_id = $office AND cleared_at IS NULL AND (due_at > $afterDue OR (due_at = $afterDue AND id > $afterId)) ORDER BY due_at, id LIMIT $take;";
        return Task.FromResult(database.Read(
            read =>
            {
                var command = read.Command(sql);
                command.Parameters.AddWithValue("$office", officeId);
                command.Parameters.AddWithValue("$take", take + 1);
                if (after is { } position)
                {
                    command.Parameters.AddWithValue("$afterDue", position.Ticks);
                    command.Parameters.AddWithValue("$afterId", position.Id);
                }

                return KeysetPosition.ReadPage(command, take, reader => (new KeysetPosition(reader.GetInt64(0), reader.GetString(1)), Read(reader, 2)));
            },
            cancellationToken));
    }

    public Task<RaisedAlert?> AcknowledgeAsync(string officeId, Guid alertId, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            write =>
            {
                var command = write.Command(
                    """
                    UPDATE alerts SET acknowledged_at = coalesce(acknowledged_at, $at), acknowledged_by = coalesce(acknowledged_by, $by)
                    WHERE office_id = $office AND id = $id AND cleared_at IS NULL
                    RETURNING document, raised_at, acknowledged_at, acknowledged_by;
                    """);
                command.Parameters.AddWithValue("$at", at.UtcTicks);
                command.Parameters.AddWithValue("$by", by);
                command.Parameters.AddWithValue("$office", officeId);
                command.Parameters.AddWithValue("$id", alertId.ToString("D"));
                using var reader = command.ExecuteReader();
                return reader.Read() ? Read(reader, 0) : null;
            },
            cancellationToken);

    /// <summary>An alert from its document and the three columns after it: raised, acknowledged at, acknowledged by.</summary>
    private static RaisedAlert Read(SqliteDataReader reader, int document) =>
        new(
            JsonSerializer.Deserialize<MissedDeadlineAlert>(reader.GetString(document), WireJson.Options)
                ?? throw new InvalidDataException("A stored alert document is empty."),
            new DateTimeOffset(reader.GetInt64(document + 1), TimeSpan.Zero),
            reader.IsDBNull(document + 2) ? null : new DateTimeOffset(reader.GetInt64(document + 2), TimeSpan.Zero),
            reader.IsDBNull(document + 3) ? null : reader.GetString(document + 3));
}
