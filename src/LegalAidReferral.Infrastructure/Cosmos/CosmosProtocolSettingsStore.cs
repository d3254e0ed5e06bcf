using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals.Protocol;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>Every version of every office's protocol settings (<see cref="VersionedDocuments{T}"/>), each with the replication messages it sends.</summary>
public sealed class CosmosProtocolSettingsStore(CosmosDatabase database) : IProtocolSettingsStore
{
    private readonly VersionedDocuments<ProtocolSettings> versions = Versions(database);

    public Task<ProtocolSettings?> CurrentAsync(string officeId, CancellationToken cancellationToken) => versions.CurrentAsync(officeId, cancellationToken);

    public Task<bool> TryAddAsync(ProtocolSettings settings, IReadOnlyList<ExchangeMessage> sends, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(sends);
        return versions.TryAddAsync(settings.OfficeId, settings.Version, settings, sends.Select(MessageShape.Of).DistinctBy(m => m.Id).ToArray(), cancellationToken);
    }

    public async Task AnnounceAsync(ProtocolSettings current, ExchangeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(message);
        if (!await versions.AddToOutboxAsync(current.OfficeId, current.Version, MessageShape.Of(message), cancellationToken))
        {
            throw new InvalidOperationException($"Version {current.Version} of the protocol settings of {current.OfficeId} is not stored: there is nothing to announce.");
        }
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

    internal static VersionedDocuments<ProtocolSettings> Versions(CosmosDatabase database) => new(() => database.ProtocolSettings, "protocol settings");
}
