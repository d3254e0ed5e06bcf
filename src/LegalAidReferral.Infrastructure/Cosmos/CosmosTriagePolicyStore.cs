using LegalAidReferral.Core.Triage;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>Every version of every office's triage policy (<see cref="VersionedDocuments{T}"/>).</summary>
public sealed class CosmosTriagePolicyStore(CosmosDatabase database) : ITriagePolicyStore
{
    private readonly VersionedDocuments<TriagePolicy> versions = new(() => database.Policies, "triage policy");

    public Task<TriagePolicy?> FindCurrentAsync(string officeId, CancellationToken cancellationToken) => versions.CurrentAsync(officeId, cancellationToken);

    public Task<TriagePolicy?> FindVersionAsync(string officeId, int version, CancellationToken cancellationToken) =>
        versions.VersionAsync(officeId, version, cancellationToken);

    public Task<bool> TryAddAsync(TriagePolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return versions.TryAddAsync(policy.OfficeId, policy.Version, policy, cancellationToken);
    }

    /// <summary>Stores each policy as version 1 of an office that has none: versions start at 1 and are never removed, so an office with any policy has version 1.</summary>
    public async Task SeedMissingAsync(IEnumerable<TriagePolicy> policies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policies);
        foreach (var policy in policies)
        {
            await versions.TryAddAsync(policy.OfficeId, 1, policy with { Version = 1 }, cancellationToken);
        }
    }
}
