using LegalAidReferral.Core.Referrals.Protocol;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>Every version of every office's protocol settings (<see cref="VersionedDocuments{T}"/>).</summary>
public sealed class CosmosProtocolSettingsStore(CosmosDatabase database) : IProtocolSettingsStore
{
    private readonly VersionedDocuments<ProtocolSettings> versions = new(() => database.ProtocolSettings, "protocol settings");

    public Task<ProtocolSettings?> CurrentAsync(string officeId, CancellationToken cancellationToken) => versions.CurrentAsync(officeId, cancellationToken);

    public Task<bool> TryAddAsync(ProtocolSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return versions.TryAddAsync(settings.OfficeId, settings.Version, settings, cancellationToken);
    }

    /// <summary>Stores the defaults (<see cref="ProtocolDefaults"/>) as version 1 of each office that has no settings yet.</summary>
    public async Task SeedMissingAsync(IEnumerable<string> officeIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officeIds);
        foreach (var officeId in officeIds)
        {
            await versions.TryAddAsync(officeId, 1, ProtocolDefaults.For(officeId), cancellationToken);
        }
    }
}
