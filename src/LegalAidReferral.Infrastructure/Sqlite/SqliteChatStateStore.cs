using System.Text.Json;
using LegalAidReferral.Core.Chat.State;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>Chat conversation states (one row each, versioned) and chat references, in SQLite; expired rows are swept by the timer.</summary>
public sealed class SqliteChatStateStore(SqliteDatabase database) : IChatStateStore
{
    public Task<ChatState?> FindAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(database.Read(
            read =>
            {
                var command = read.Command("SELECT state FROM chat_conversations WHERE key = $key;");
                command.Parameters.AddWithValue("$key", key);
                return command.ExecuteScalar() is string json ? JsonSerializer.Deserialize<ChatState>(json, WireJson.Options) : null;
            },
            cancellationToken));

    public Task<bool> TrySaveAsync(ChatState state, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Version = expectedVersion + 1;
        var json = JsonSerializer.Serialize(state, WireJson.Options);
        return database.WriteAsync(
            write =>
            {
                var command = write.Command(expectedVersion == 0
                    ? "INSERT INTO chat_conversations (key, version, expires_at, state) VALUES ($key, $version, $expires, $state) ON CONFLICT DO NOTHING;"
                    : "UPDATE chat_conversations SET version = $version, expires_at = $expires, state = $state WHERE key = $key AND version = $expected;");
                command.Parameters.AddWithValue("$key", state.Key);
                command.Parameters.AddWithValue("$version", state.Version);
                command.Parameters.AddWithValue("$expected", expectedVersion);
                command.Parameters.AddWithValue("$expires", state.ExpiresAt.UtcTicks);
                command.Parameters.AddWithValue("$state", json);
                return command.ExecuteNonQuery() == 1;
            },
            cancellationToken);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        database.WriteAsync(
            write =>
            {
                var command = write.Command("DELETE FROM chat_conversations WHERE key = $key;");
                command.Parameters.AddWithValue("$key", key);
                return command.ExecuteNonQuery();
            },
            cancellationToken);

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        database.WriteAsync(
            write =>
            {
                var command = write.Command(
                    "DELETE FROM chat_conversations WHERE key IN (SELECT key FROM chat_conversations WHERE expires_at <= $now LIMIT $limit);");
                command.Parameters.AddWithValue("$now", now.UtcTicks);
                command.Parameters.AddWithValue("$limit", limit);
                return command.ExecuteNonQuery();
            },
            cancellationToken);

    public Task<IReadOnlyList<ChatCaseLink>> FindLinksAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChatCaseLink>>(database.Read(
            read =>
            {
                var command = read.Command("SELECT office_id, case_id FROM chat_links WHERE reference = $reference ORDER BY office_id;");
                command.Parameters.AddWithValue("$reference", reference);
                using var reader = command.ExecuteReader();
                var links = new List<ChatCaseLink>();
                while (reader.Read())
                {
                    links.Add(new ChatCaseLink(reference, reader.GetString(0), Guid.ParseExact(reader.GetString(1), "D")));
                }

                return links;
            },
            cancellationToken));

    public Task SaveLinkAsync(ChatCaseLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        return database.WriteAsync(
            write =>
            {
                var command = write.Command("INSERT INTO chat_links (reference, office_id, case_id) VALUES ($reference, $office, $case) ON CONFLICT DO NOTHING;");
                command.Parameters.AddWithValue("$reference", link.Reference);
                command.Parameters.AddWithValue("$office", link.OfficeId);
                command.Parameters.AddWithValue("$case", link.CaseId.ToString("D"));
                return command.ExecuteNonQuery();
            },
            cancellationToken);
    }
}
