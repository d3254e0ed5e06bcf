using LegalAidReferral.Core.Messaging;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>Rejected messages in SQLite; a message set aside twice keeps its first reason. Purged by time (<c>dead_letters_at</c>).</summary>
public sealed class SqliteDeadLetters(SqliteDatabase database) : IDeadLetters
{
    public Task SetAsideAsync(ExchangeMessage message, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return database.WriteAsync(
            write =>
            {
                var command = write.Command(
                    """
                    INSERT INTO dead_letters (id, topic, subject, correlation_id, body, reason, at)
                    VALUES ($id, $topic, $subject, $correlation, $body, $reason, $at) ON CONFLICT DO NOTHING;
                    """);
                command.Parameters.AddWithValue("$id", message.Id.ToString("D"));
                command.Parameters.AddWithValue("$topic", message.Topic);
                command.Parameters.AddWithValue("$subject", message.Subject);
                command.Parameters.AddWithValue("$correlation", message.CorrelationId);
                command.Parameters.AddWithValue("$body", message.Body);
                command.Parameters.AddWithValue("$reason", reason);
                command.Parameters.AddWithValue("$at", at.UtcTicks);
                return command.ExecuteNonQuery();
            },
            cancellationToken);
    }

    public Task<int> DeleteExpiredAsync(DateTimeOffset setAsideBefore, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.WriteAsync(
            write =>
            {
                var command = write.Command("DELETE FROM dead_letters WHERE id IN (SELECT id FROM dead_letters WHERE at < $before ORDER BY at LIMIT $limit);");
                command.Parameters.AddWithValue("$before", setAsideBefore.UtcTicks);
                command.Parameters.AddWithValue("$limit", limit);
                return command.ExecuteNonQuery();
            },
            cancellationToken);
    }
}
