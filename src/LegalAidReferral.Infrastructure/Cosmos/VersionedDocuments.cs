using System.Globalization;
using System.Text.Json;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// Versions of an office's document (triage policy, protocol settings), one document per version in the
/// office's partition with the version as its id, so adding a version that exists fails and changes nothing.
/// </summary>
internal sealed class VersionedDocuments<T>(Func<Container> container, string what)
    where T : class
{
    public async Task<T?> CurrentAsync(string officeId, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT TOP 1 * FROM c WHERE c.officeId = @office ORDER BY c.version DESC").WithParameter("@office", officeId);
        var found = await container().QueryAsync<VersionDocument>(query, officeId, cancellationToken);
        return found.Count == 0 ? null : CosmosJson.FromElement<T>(found[0].Body, what);
    }

    public async Task<T?> VersionAsync(string officeId, int version, CancellationToken cancellationToken) =>
        await container().ReadAsync<VersionDocument>(IdOf(version), officeId, cancellationToken) is { } stored
            ? CosmosJson.FromElement<T>(stored.Document.Body, what)
            : null;

    public Task<bool> TryAddAsync(string officeId, int version, T value, CancellationToken cancellationToken) =>
        container().TryCreateAsync(new VersionDocument(IdOf(version), officeId, version, CosmosJson.ToElement(value)), officeId, cancellationToken);

    private static string IdOf(int version) => version.ToString(CultureInfo.InvariantCulture);

    private sealed record VersionDocument(string Id, string OfficeId, int Version, JsonElement Body, int Schema = 1);
}
