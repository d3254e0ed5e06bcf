namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// The de-duplication of received messages in SQLite: a store that handles a message calls
/// <see cref="TryAccept"/> (or checks <see cref="Handled"/> first) in the write that applies it, and
/// applies nothing for a message handled before.
/// </summary>
public static class SqliteInbox
{
    public static bool Handled(SqliteWrite write, string consumer, Guid messageId)
    {
        ArgumentNullException.ThrowIfNull(write);
        var command = write.Command("SELECT 1 FROM inbox WHERE consumer = $consumer AND message_id = $id;");
        command.Parameters.AddWithValue("$consumer", consumer);
        command.Parameters.AddWithValue("$id", messageId.ToString("D"));
        return command.ExecuteScalar() is not null;
    }

    /// <summary>Records that <paramref name="consumer"/> handled the message; false if it already had.</summary>
    public static bool TryAccept(SqliteWrite write, string consumer, Guid messageId, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        var command = write.Command("INSERT INTO inbox (consumer, message_id, received_at) VALUES ($consumer, $id, $at) ON CONFLICT DO NOTHING;");
        command.Parameters.AddWithValue("$consumer", consumer);
        command.Parameters.AddWithValue("$id", messageId.ToString("D"));
        command.Parameters.AddWithValue("$at", receivedAt.UtcTicks);
        return command.ExecuteNonQuery() == 1;
    }
}
