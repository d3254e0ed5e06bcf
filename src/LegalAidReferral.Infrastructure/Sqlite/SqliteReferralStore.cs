using System.Globalization;
using System.Text;
using System.Text.Json;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals;
using Microsoft.Data.Sqlite;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// Referral copies as one JSON document per office and referral, with the columns the lists filter
/// and sort on. Each write stores the copy with its outbox messages and audit entries in one
/// transaction; a received message's id goes into the inbox in the same transaction. The lists and
/// the sweep read the document without its thread (<see cref="WithoutThread"/>): SQLite drops it before
/// the text reaches the process, so up to 200 messages per copy are neither sent over nor parsed.
/// </summary>
public sealed class SqliteReferralStore(SqliteDatabase database) : IReferralStore
{
    private const string Columns = "office_id, id, copy, status, case_id, created_at, version, document";

    /// <summary>The stored document without its thread (the copy reads back with an empty one).</summary>
    private const string WithoutThread = "json_remove(document, '$.thread')";

    public Task<Referral?> FindAsync(string holderOfficeId, Guid referralId, CancellationToken cancellationToken) =>
        Task.FromResult(database.Read(
            read =>
            {
                var command = read.Command("SELECT document FROM referrals WHERE office_id = $office AND id = $id;");
                command.Parameters.AddWithValue("$office", holderOfficeId);
                command.Parameters.AddWithValue("$id", referralId.ToString("D"));
                return StoredJson.ReadFirst<Referral>(command, Document);
            },
            cancellationToken));

    public Task<Page<Referral>> ListAsync(string holderOfficeId, ReferralQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        var after = KeysetPosition.Parse(page.ContinuationToken);
        var take = KeysetPosition.Take(page);
        var sql = new StringBuilder($"SELECT created_at, id, {WithoutThread} FROM referrals WHERE office_id = $office AND copy = $copy");
        if (query.Status is not null)
        {
            sql.Append(" AND status = $status");
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
                command.Parameters.AddWithValue("$office", holderOfficeId);
                command.Parameters.AddWithValue("$copy", Kebab<ReferralCopy>.Name(query.Direction == ReferralDirection.Outgoing ? ReferralCopy.Sending : ReferralCopy.Receiving));
                command.Parameters.AddWithValue("$take", take + 1);
                if (query.Status is { } status)
                {
                    command.Parameters.AddWithValue("$status", Kebab<ReferralStatus>.Name(status));
                }

                if (after is { } position)
                {
                    command.Parameters.AddWithValue("$afterCreated", position.Ticks);
                    command.Parameters.AddWithValue("$afterId", position.Id);
                }

                return KeysetPosition.ReadPage(command, take, reader => (new KeysetPosition(reader.GetInt64(0), reader.GetString(1)), StoredJson.Read<Referral>(reader, 2, Document)));
            },
            cancellationToken));
    }

    public Task<IReadOnlyList<Referral>> ListForCaseAsync(string officeId, Guid caseId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Referral>>(database.Read(
            read =>
            {
                var command = read.Command("SELECT document FROM referrals WHERE office_id = $office AND case_id = $case ORDER BY created_at, id;");
                command.Parameters.AddWithValue("$office", officeId);
                command.Parameters.AddWithValue("$case", caseId.ToString("D"));
                using var reader = command.ExecuteReader();
                var copies = new List<Referral>();
                while (reader.Read())
                {
                    copies.Add(StoredJson.Read<Referral>(reader, 0, Document));
                }

                return copies;
            },
            cancellationToken));

    public Task<Page<Referral>> ListForSweepAsync(string? continuationToken, int limit, CancellationToken cancellationToken)
    {
        var after = continuationToken is null
            ? 0L
            : long.TryParse(ContinuationTokens.Decode(continuationToken), NumberStyles.None, CultureInfo.InvariantCulture, out var rowId)
                ? rowId
                : throw new InvalidContinuationTokenException();
        var finals = SqliteJson.Array(ReferralActions.Final.Select(Kebab<ReferralStatus>.Name));
        return Task.FromResult(database.Read(
            read =>
            {
                var command = read.Command(
                    """
                    SELECT r.rowid, json_remove(r.document, '$.thread') FROM referrals AS r
                    WHERE r.rowid > $after
                      AND (r.status NOT IN (SELECT value FROM json_each($finals))
                           OR EXISTS (SELECT 1 FROM alerts AS a WHERE a.office_id = r.office_id AND a.referral_id = r.id AND a.cleared_at IS NULL))
                    ORDER BY r.rowid LIMIT $take;
                    """);
                command.Parameters.AddWithValue("$after", after);
                command.Parameters.AddWithValue("$finals", finals);
                command.Parameters.AddWithValue("$take", limit);
                using var reader = command.ExecuteReader();
                var items = new List<Referral>(limit);
                var last = 0L;
                while (reader.Read())
                {
                    last = reader.GetInt64(0);
                    items.Add(StoredJson.Read<Referral>(reader, 1, Document));
                }

                var next = items.Count == limit ? ContinuationTokens.Encode(last.ToString(CultureInfo.InvariantCulture)) : null;
                return new Page<Referral>(items, next);
            },
            cancellationToken));
    }

    public Task<bool> TryCreateAsync(Referral copy, IReadOnlyList<ExchangeMessage> messages, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        var row = Row.Of(copy);
        var auditRows = audit.Select(AuditRow.Of).ToArray();
        return database.WriteAsync(write => Insert(write, row) && Saved(write, messages, auditRows), cancellationToken);
    }

    public Task<bool> TryReplaceAsync(
        Referral copy, long expectedVersion, IReadOnlyList<ExchangeMessage> messages, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        var row = Row.Of(copy);
        var auditRows = audit.Select(AuditRow.Of).ToArray();
        return database.WriteAsync(write => Update(write, row, expectedVersion) && Saved(write, messages, auditRows), cancellationToken);
    }

    public Task<bool> TryReceiveAsync(
        Referral copy, long? expectedVersion, Guid messageId, IReadOnlyList<ExchangeMessage> messages, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        var row = Row.Of(copy);
        var auditRows = audit.Select(AuditRow.Of).ToArray();
        var consumer = $"{Topics.Referrals}/{copy.HolderOfficeId}";
        return database.WriteAsync(
            write =>
            {
                // Nothing is written unless the message is new and the copy is where the receipt was decided.
                if (SqliteInbox.Handled(write, consumer, messageId)
                    || !(expectedVersion is { } expected ? Update(write, row, expected) : Insert(write, row)))
                {
                    return false;
                }

                SqliteInbox.TryAccept(write, consumer, messageId, copy.UpdatedAt);
                return Saved(write, messages, auditRows);
            },
            cancellationToken);
    }

    private const string Document = "referral document";

    private static bool Saved(SqliteWrite write, IReadOnlyList<ExchangeMessage> messages, AuditRow[] auditRows)
    {
        SqliteOutbox.Save(write, messages);
        AuditRow.Insert(write, auditRows);
        return true;
    }

    private static bool Insert(SqliteWrite write, Row row)
    {
        var command = write.Command(
            $"INSERT INTO referrals ({Columns}) VALUES ($office, $id, $copy, $status, $case, $created, $version, $document) ON CONFLICT DO NOTHING;");
        row.Bind(command);
        return command.ExecuteNonQuery() == 1;
    }

    private static bool Update(SqliteWrite write, Row row, long expectedVersion)
    {
        var command = write.Command(
            """
            UPDATE referrals SET status = $status, version = $version, document = $document
            WHERE office_id = $office AND id = $id AND version = $expected;
            """);
        row.Bind(command);
        command.Parameters.AddWithValue("$expected", expectedVersion);
        return command.ExecuteNonQuery() == 1;
    }

    private sealed record Row(string OfficeId, string Id, string Copy, string Status, string? CaseId, long CreatedAt, long Version, string Document)
    {
        public static Row Of(Referral copy)
        {
            ArgumentNullException.ThrowIfNull(copy);
            return new Row(
                copy.HolderOfficeId,
                copy.Id.ToString("D"),
                Kebab<ReferralCopy>.Name(copy.Copy),
                Kebab<ReferralStatus>.Name(copy.Status),
                copy.CaseId?.ToString("D"),
                copy.CreatedAt.UtcTicks,
                copy.Version,
                JsonSerializer.Serialize(copy, WireJson.Options));
        }

        public void Bind(SqliteCommand command)
        {
            command.Parameters.AddWithValue("$office", OfficeId);
            command.Parameters.AddWithValue("$id", Id);
            command.Parameters.AddWithValue("$copy", Copy);
            command.Parameters.AddWithValue("$status", Status);
            command.Parameters.AddWithValue("$case", (object?)CaseId ?? DBNull.Value);
            command.Parameters.AddWithValue("$created", CreatedAt);
            command.Parameters.AddWithValue("$version", Version);
            command.Parameters.AddWithValue("$document", Document);
        }
    }
}
