using System.Text.Json;
using LegalAidReferral.Core.Chat;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>Chat conversation references in SQLite, one row per channel and conversation.</summary>
public sealed class SqliteConversationReferenceStore(SqliteDatabase database) : IConversationReferenceStore
{
    public Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var document = JsonSerializer.Serialize(reference, WireJson.Options);
        return database.WriteAsync(
            write =>
            {
                var command = write.Command(
                    """
                    INSERT INTO chat_references (channel_id, conversation_id, updated_at, document) VALUES ($channel, $conversation, $at, $document)
                    ON CONFLICT (channel_id, conversation_id) DO UPDATE SET updated_at = excluded.updated_at, document = excluded.document;
                    """);
                command.Parameters.AddWithValue("$channel", reference.Address.ChannelId);
                command.Parameters.AddWithValue("$conversation", reference.Address.ConversationId);
                command.Parameters.AddWithValue("$at", reference.UpdatedAt.UtcTicks);
                command.Parameters.AddWithValue("$document", document);
                return command.ExecuteNonQuery();
            },
            cancellationToken);
    }

    public Task<ConversationReference?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(database.Read(
            read =>
            {
                var command = read.Command("SELECT document FROM chat_references WHERE channel_id = $channel AND conversation_id = $conversation;");
                command.Parameters.AddWithValue("$channel", channelId);
                command.Parameters.AddWithValue("$conversation", conversationId);
                return command.ExecuteScalar() is string document
                    ? JsonSerializer.Deserialize<ConversationReference>(document, WireJson.Options)
                    : null;
            },
            cancellationToken));
}
