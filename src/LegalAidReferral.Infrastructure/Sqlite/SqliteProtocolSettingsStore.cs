using System.Text.Json;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals.Protocol;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// Every version of every office's protocol settings, one JSON document per (office, version); a
/// version's replication messages go to the outbox table in the same transaction.
/// </summary>
public sealed class SqliteProtocolSettingsStore(SqliteDatabase database) : IProtocolSettingsStore
{
    public Task<ProtocolSettings?> CurrentAsync(string officeId, CancellationToken cancellationToken) =>
        Task.FromResult(database.Read(
            read =>
            {
                var command = read.Command("SELECT document FROM protocol_settings WHERE office_id = $office ORDER BY version DESC LIMIT 1;");
                command.Parameters.AddWithValue("$office", officeId);
                return command.ExecuteScalar() is string document
                    ? JsonSerializer.Deserialize<ProtocolSettings>(document, WireJson.Options)
                    : null;
            },
            cancellationToken));

    public Task<bool> TryAddAsync(ProtocolSettings settings, IReadOnlyList<ExchangeMessage> sends, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(sends);
        var document = JsonSerializer.Serialize(settings, WireJson.Options);
        return database.WriteAsync(
            write =>
            {
                var command = write.Command("INSERT INTO protocol_settings (office_id, version, document) VALUES ($office, $version, $document) ON CONFLICT DO NOTHING;");
                command.Parameters.AddWithValue("$office", settings.OfficeId);
                command.Parameters.AddWithValue("$version", settings.Version);
                command.Parameters.AddWithValue("$document", document);
                if (command.ExecuteNonQuery() != 1)
                {
                    return false;
                }

                SqliteOutbox.Save(write, sends);
                return true;
            },
            cancellationToken);
    }

    public Task AnnounceAsync(ProtocolSettings current, ExchangeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return database.WriteAsync(
            write =>
            {
                SqliteOutbox.Save(write, [message]);
                return true;
            },
            cancellationToken);
    }

    /// <summary>
    /// Stores the defaults (<see cref="ProtocolDefaults"/>) as version 1 of each office that has no
    /// settings yet. An office that has settings keeps them, so an admin's changes survive restarts.
    /// </summary>
    public Task SeedMissingAsync(IEnumerable<string> officeIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officeIds);
        var seeds = officeIds.Select(id => (Id: id, Document: JsonSerializer.Serialize(ProtocolDefaults.For(id), WireJson.Options))).ToArray();
        return database.WriteAsync(
            write =>
            {
                foreach (var (id, document) in seeds)
                {
                    var command = write.Command("""
                        INSERT INTO protocol_settings (office_id, version, document)
                        SELECT $office, 1, $document
                        WHERE NOT EXISTS (SELECT 1 FROM protocol_settings WHERE office_id = $office);
                        """);
                    command.Parameters.AddWithValue("$office", id);
                    command.Parameters.AddWithValue("$document", document);
                    command.ExecuteNonQuery();
                }

                return seeds.Length;
            },
            cancellationToken);
    }
}
