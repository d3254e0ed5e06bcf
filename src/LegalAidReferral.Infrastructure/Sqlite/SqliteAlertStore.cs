using System.Text.Json;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;

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
            ? "SELECT due_at, id, document, raised_at FROM alerts WHERE office_id = $office AND cleared_at IS NULL ORDER BY due_at, id LIMIT $take;"
            : "SELECT due_at, id, document, raised_at FROM alerts WHERE office_id = $office AND cleared_at IS NULL AND (due_at > $afterDue OR (due_at = $afterDue AND id > $afterId)) ORDER BY due_at, id LIMIT $take;";
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

                return KeysetPosition.ReadPage(command, take, reader => (
                    new KeysetPosition(reader.GetInt64(0), reader.GetString(1)),
                    new RaisedAlert(
                        JsonSerializer.Deserialize<MissedDeadlineAlert>(reader.GetString(2), WireJson.Options)
                            ?? throw new InvalidDataException("A stored alert document is empty."),
                        new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
                        null)));
            },
            cancellationToken));
    }
}
