using System.Collections.Frozen;
using System.Text.Json;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Offices;
using Microsoft.Data.Sqlite;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// The office directory, one JSON document per office. Every intake looks its office up, and the
/// directory changes only through this class, so reads come from a snapshot rebuilt after each write.
/// </summary>
public sealed class SqliteOfficeDirectory(SqliteDatabase database) : IOfficeDirectory
{
    private volatile Snapshot? snapshot;
    private long generation;

    public Task<Office?> FindAsync(string officeId, CancellationToken cancellationToken) =>
        Task.FromResult(Current(cancellationToken).ById.GetValueOrDefault(officeId));

    public Task<IReadOnlyList<Office>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Current(cancellationToken).Ordered);

    /// <summary>Inserts the offices, replacing any stored office with the same id.</summary>
    public async Task SeedAsync(IEnumerable<Office> offices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(offices);
        var rows = offices.Select(o => (o.Id, Document: JsonSerializer.Serialize(o, WireJson.Options))).ToArray();
        await database.WriteAsync(
            write =>
            {
                var command = write.Command(
                    "INSERT INTO offices (id, document) VALUES ($id, $document) ON CONFLICT (id) DO UPDATE SET document = excluded.document;");
                var id = command.Parameters.Add("$id", SqliteType.Text);
                var document = command.Parameters.Add("$document", SqliteType.Text);
                foreach (var row in rows)
                {
                    id.Value = row.Id;
                    document.Value = row.Document;
                    command.ExecuteNonQuery();
                }

                return rows.Length;
            },
            cancellationToken);

        // After the commit: a snapshot loaded from an older generation is never served again, even if a
        // reader that started before the commit stores it afterwards.
        Interlocked.Increment(ref generation);
    }

    private Snapshot Current(CancellationToken cancellationToken)
    {
        var current = Interlocked.Read(ref generation);
        if (snapshot is { } cached && cached.Generation == current)
        {
            return cached;
        }

        var loaded = Load(current, cancellationToken);
        snapshot = loaded;
        return loaded;
    }

    private Snapshot Load(long loadedGeneration, CancellationToken cancellationToken)
    {
        var offices = database.Read(
            read =>
            {
                var command = read.Command("SELECT document FROM offices ORDER BY id;");
                using var reader = command.ExecuteReader();
                var list = new List<Office>();
                while (reader.Read())
                {
                    list.Add(JsonSerializer.Deserialize<Office>(reader.GetString(0), WireJson.Options)
                        ?? throw new InvalidDataException("A stored office document is empty."));
                }

                return list;
            },
            cancellationToken);
        return new Snapshot(loadedGeneration, offices, offices.ToFrozenDictionary(o => o.Id, StringComparer.Ordinal));
    }

    private sealed record Snapshot(long Generation, IReadOnlyList<Office> Ordered, FrozenDictionary<string, Office> ById);
}
