using System.Collections.Frozen;
using System.Text.Json;
using LegalAidReferral.Core.Offices;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// The office directory, one document per office in its own partition. Every instance seeds the same
/// offices at start and nothing else writes them, so reads come from a snapshot loaded once per seed.
/// </summary>
public sealed class CosmosOfficeDirectory(CosmosDatabase database) : IOfficeDirectory
{
    private volatile Snapshot? snapshot;

    public async Task<Office?> FindAsync(string officeId, CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).ById.GetValueOrDefault(officeId);

    public async Task<IReadOnlyList<Office>> ListAsync(CancellationToken cancellationToken) => (await CurrentAsync(cancellationToken)).Ordered;

    /// <summary>Writes the offices, replacing any stored office with the same id.</summary>
    public async Task SeedAsync(IEnumerable<Office> offices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(offices);
        foreach (var office in offices)
        {
            await database.Offices.UpsertAsync(new OfficeDocument(office.Id, office.Id, CosmosJson.ToElement(office)), office.Id, cancellationToken);
        }

        snapshot = null;
    }

    private async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        if (snapshot is { } cached)
        {
            return cached;
        }

        // Across partitions: ten documents, read once per process.
        var documents = await database.Offices.QueryAsync<OfficeDocument>(new QueryDefinition("SELECT * FROM c"), null, cancellationToken);
        var offices = documents.Select(d => CosmosJson.FromElement<Office>(d.Office, "office")).OrderBy(o => o.Id, StringComparer.Ordinal).ToArray();
        var loaded = new Snapshot(offices, offices.ToFrozenDictionary(o => o.Id, StringComparer.Ordinal));
        snapshot = loaded;
        return loaded;
    }

    private sealed record OfficeDocument(string Id, string OfficeId, JsonElement Office, int Schema = 1);

    private sealed record Snapshot(IReadOnlyList<Office> Ordered, FrozenDictionary<string, Office> ById);
}
