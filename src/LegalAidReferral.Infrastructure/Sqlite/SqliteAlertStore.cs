using System.Text.Json;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;
using Microsoft.Data.Sqlite;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// Alerts in SQLite, raised once by id and listed per office: missed deadlines (<c>alerts</c>, cleared by the
/// sweep) and case alerts (<c>case_alerts</c>, cleared by the sync of a read of their case that shows them done, or by acknowledgement), with the case marks.
/// </summary>
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

    public Task<int> SyncCaseAsync(string officeId, Guid caseId, CaseAlertState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var rows = state.Open.Select(a => (Id: a.Id.ToString("D"), Kind: Kebab<CaseAlertKind>.Name(a.Kind), DueAt: a.DueAt.UtcTicks, Document: JsonSerializer.Serialize(a, WireJson.Options)))
            .ToArray();
        var closed = SqliteJson.Array(state.Closed.Select(id => id.ToString("D")));
        return database.WriteAsync(
            write =>
            {
                var clear = write.Command(
                    """
                    UPDATE case_alerts SET cleared_at = $now
                    WHERE office_id = $office AND case_id = $case AND cleared_at IS NULL
                        AND (id IN (SELECT value FROM json_each($closed)) OR (kind = $handOff AND due_at < $handOffsBefore));
                    """);
                clear.Parameters.AddWithValue("$now", now.UtcTicks);
                clear.Parameters.AddWithValue("$office", officeId);
                clear.Parameters.AddWithValue("$case", caseId.ToString("D"));
                clear.Parameters.AddWithValue("$closed", closed);
                clear.Parameters.AddWithValue("$handOff", Kebab<CaseAlertKind>.Name(CaseAlertKind.ChatHandOff));
                clear.Parameters.AddWithValue("$handOffsBefore", (object?)state.HandOffsBefore?.UtcTicks ?? DBNull.Value);
                clear.ExecuteNonQuery();

                var raised = 0;
                foreach (var (id, kind, dueAt, document) in rows)
                {
                    var insert = write.Command(
                        """
                        INSERT INTO case_alerts (id, office_id, case_id, kind, due_at, raised_at, cleared_at, document)
                        VALUES ($id, $office, $case, $kind, $due, $now, NULL, $document) ON CONFLICT DO NOTHING;
                        """);
                    insert.Parameters.AddWithValue("$id", id);
                    insert.Parameters.AddWithValue("$office", officeId);
                    insert.Parameters.AddWithValue("$case", caseId.ToString("D"));
                    insert.Parameters.AddWithValue("$kind", kind);
                    insert.Parameters.AddWithValue("$due", dueAt);
                    insert.Parameters.AddWithValue("$now", now.UtcTicks);
                    insert.Parameters.AddWithValue("$document", document);
                    raised += insert.ExecuteNonQuery();
                }

                return raised;
            },
            cancellationToken);
    }

    public Task MarkCaseAsync(string officeId, CaseAlertMark mark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mark);
        return database.WriteAsync(
            write =>
            {
                var command = write.Command("INSERT INTO case_alert_marks (id, office_id, case_id, marked_at) VALUES ($id, $office, $case, $at) ON CONFLICT DO NOTHING;");
                command.Parameters.AddWithValue("$id", mark.Id.ToString("D"));
                command.Parameters.AddWithValue("$office", officeId);
                command.Parameters.AddWithValue("$case", mark.CaseId.ToString("D"));
                command.Parameters.AddWithValue("$at", mark.MarkedAt.UtcTicks);
                return command.ExecuteNonQuery();
            },
            cancellationToken);
    }

    public Task UnmarkCaseAsync(string officeId, Guid markId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            write =>
            {
                var command = write.Command("DELETE FROM case_alert_marks WHERE office_id = $office AND id = $id;");
                command.Parameters.AddWithValue("$office", officeId);
                command.Parameters.AddWithValue("$id", markId.ToString("D"));
                return command.ExecuteNonQuery();
            },
            cancellationToken);

    public Task<IReadOnlyList<CaseAlertMark>> ListMarksAsync(string officeId, DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(database.Read<IReadOnlyList<CaseAlertMark>>(
            read =>
            {
                var command = read.Command(
                    "SELECT id, case_id, marked_at FROM case_alert_marks WHERE office_id = $office AND marked_at < $before ORDER BY marked_at, id LIMIT $limit;");
                command.Parameters.AddWithValue("$office", officeId);
                command.Parameters.AddWithValue("$before", before.UtcTicks);
                command.Parameters.AddWithValue("$limit", limit);
                using var reader = command.ExecuteReader();
                var marks = new List<CaseAlertMark>();
                while (reader.Read())
                {
                    marks.Add(new CaseAlertMark(Guid.ParseExact(reader.GetString(0), "D"), Guid.ParseExact(reader.GetString(1), "D"), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero)));
                }

                return marks;
            },
            cancellationToken));

    public Task<Page<RaisedAlert>> ListOpenAsync(string officeId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var after = KeysetPosition.Parse(page.ContinuationToken);
        var take = KeysetPosition.Take(page);
        var keyset = after is null ? "" : " AND (due_at > $afterDue OR (due_at = $afterDue AND id > $afterId))";
        var sql = $"""
            SELECT due_at, id, 'missed-deadline', document, raised_at, acknowledged_at, acknowledged_by FROM alerts WHERE office_id = $office AND cleared_at IS NULL{keyset}
            UNION ALL
            SELECT due_at, id, kind, document, raised_at, acknowledged_at, acknowledged_by FROM case_alerts WHERE office_id = $office AND cleared_at IS NULL{keyset}
            ORDER BY 1, 2 LIMIT $take;
            """;
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

    public Task<RaisedAlert?> FindOpenAsync(string officeId, Guid alertId, CancellationToken cancellationToken) =>
        Task.FromResult(database.Read(
            read =>
            {
                var command = read.Command(
                    """
                    SELECT 'missed-deadline', document, raised_at, acknowledged_at, acknowledged_by FROM alerts
                    WHERE office_id = $office AND id = $id AND cleared_at IS NULL
                    UNION ALL
                    SELECT kind, document, raised_at, acknowledged_at, acknowledged_by FROM case_alerts
                    WHERE office_id = $office AND id = $id AND cleared_at IS NULL;
                    """);
                command.Parameters.AddWithValue("$office", officeId);
                command.Parameters.AddWithValue("$id", alertId.ToString("D"));
                using var reader = command.ExecuteReader();
                return reader.Read() ? Read(reader, 0) : null;
            },
            cancellationToken));

    public Task<RaisedAlert?> AcknowledgeAsync(string officeId, Guid alertId, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            write =>
            {
                var command = write.Command(
                    """
                    UPDATE alerts SET acknowledged_at = coalesce(acknowledged_at, $at), acknowledged_by = coalesce(acknowledged_by, $by)
                    WHERE office_id = $office AND id = $id AND cleared_at IS NULL
                    RETURNING 'missed-deadline', document, raised_at, acknowledged_at, acknowledged_by;
                    """);
                var found = Acknowledge(command, officeId, alertId, by, at);
                return found ?? Acknowledge(
                    write.Command(
                        """
                        UPDATE case_alerts SET acknowledged_at = coalesce(acknowledged_at, $at), acknowledged_by = coalesce(acknowledged_by, $by),
                            cleared_at = CASE kind WHEN 'erasure-request' THEN $at ELSE cleared_at END
                        WHERE office_id = $office AND id = $id AND cleared_at IS NULL
                        RETURNING kind, document, raised_at, acknowledged_at, acknowledged_by;
                        """),
                    officeId,
                    alertId,
                    by,
                    at);
            },
            cancellationToken);

    private static RaisedAlert? Acknowledge(SqliteCommand command, string officeId, Guid alertId, string by, DateTimeOffset at)
    {
        command.Parameters.AddWithValue("$at", at.UtcTicks);
        command.Parameters.AddWithValue("$by", by);
        command.Parameters.AddWithValue("$office", officeId);
        command.Parameters.AddWithValue("$id", alertId.ToString("D"));
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader, 0) : null;
    }

    /// <summary>An alert from its kind, its document and the three columns after them: raised, acknowledged at, acknowledged by.</summary>
    private static RaisedAlert Read(SqliteDataReader reader, int kind) =>
        new(
            (reader.GetString(kind) == "missed-deadline"
                ? JsonSerializer.Deserialize<MissedDeadlineAlert>(reader.GetString(kind + 1), WireJson.Options)
                : JsonSerializer.Deserialize<CaseAlert>(reader.GetString(kind + 1), WireJson.Options) as OfficeAlert)
                ?? throw new InvalidDataException("A stored alert document is empty."),
            new DateTimeOffset(reader.GetInt64(kind + 2), TimeSpan.Zero),
            reader.IsDBNull(kind + 3) ? null : new DateTimeOffset(reader.GetInt64(kind + 3), TimeSpan.Zero),
            reader.IsDBNull(kind + 4) ? null : reader.GetString(kind + 4));
}
