namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// The de-duplication of received messages in SQLite: a store that handles a message calls
/// <see cref="TryAccept"/> in the write that applies it, and applies nothing when it returns false.
/// </summary>
public static class SqliteInbox
{
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
