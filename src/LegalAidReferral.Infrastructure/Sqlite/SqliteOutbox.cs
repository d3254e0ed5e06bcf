using LegalAidReferral.Core.Messaging;
using Microsoft.Data.Sqlite;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// The outbox in SQLite: a store that writes a change saves its messages with <see cref="Save"/> in
/// the same write, and the relay reads them back here and deletes them once published.
/// </summary>
public sealed class SqliteOutbox(SqliteDatabase database) : IOutbox
{
    private const string Columns = "id, topic, subject, from_office_id, to_office_id, correlation_id, body, created_at";

    /// <summary>Saves the messages in the current write's transaction; a message already saved (same id) is kept as it was.</summary>
    public static void Save(SqliteWrite write, IEnumerable<ExchangeMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            var command = write.Command(
                $"INSERT INTO outbox ({Columns}) VALUES ($id, $topic, $subject, $from, $to, $correlation, $body, $created) ON CONFLICT DO NOTHING;");
            command.Parameters.AddWithValue("$id", message.Id.ToString("D"));
            command.Parameters.AddWithValue("$topic", message.Topic);
            command.Parameters.AddWithValue("$subject", message.Subject);
            command.Parameters.AddWithValue("$from", message.FromOfficeId);
            command.Parameters.AddWithValue("$to", (object?)message.ToOfficeId ?? DBNull.Value);
            command.Parameters.AddWithValue("$correlation", message.CorrelationId);
            command.Parameters.AddWithValue("$body", message.Body);
            command.Parameters.AddWithValue("$created", message.CreatedAt.UtcTicks);
            command.ExecuteNonQuery();
        }
    }

    public Task<IReadOnlyList<ExchangeMessage>> PendingAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return Task.FromResult<IReadOnlyList<ExchangeMessage>>(database.Read(
            read =>
            {
                var command = read.Command($"SELECT {Columns} FROM outbox ORDER BY seq LIMIT $max;");
                command.Parameters.AddWithValue("$max", max);
                using var reader = command.ExecuteReader();
                var messages = new List<ExchangeMessage>();
                while (reader.Read())
                {
                    messages.Add(Read(reader));
                }

                return messages;
            },
            cancellationToken));
    }

    public Task MarkSentAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        if (messageIds.Count == 0)
        {
            return Task.CompletedTask;
        }

        var ids = SqliteJson.Array(messageIds.Select(id => id.ToString("D")));
        return database.WriteAsync(
            write =>
            {
                var command = write.Command("DELETE FROM outbox WHERE id IN (SELECT value FROM json_each($ids));");
                command.Parameters.AddWithValue("$ids", ids);
                return command.ExecuteNonQuery();
            },
            cancellationToken);
    }

    private static ExchangeMessage Read(SqliteDataReader reader) =>
        new(
            Guid.ParseExact(reader.GetString(0), "D"),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.GetString(5),
            reader.GetString(6),
            new DateTimeOffset(reader.GetInt64(7), TimeSpan.Zero));
}
