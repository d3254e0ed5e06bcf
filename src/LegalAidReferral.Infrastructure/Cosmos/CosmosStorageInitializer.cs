using LegalAidReferral.Infrastructure.Seed;
using Microsoft.Extensions.Hosting;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>Creates the containers (emulator) and seeds the office directory, the triage policies and the protocol settings before the host serves requests.</summary>
public sealed class CosmosStorageInitializer(
    CosmosDatabase database, CosmosOfficeDirectory directory, CosmosTriagePolicyStore policies, CosmosProtocolSettingsStore protocols) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.InitializeAsync(cancellationToken);
        var offices = SeedOffices.Load();
        await directory.SeedAsync(offices, cancellationToken);
        await policies.SeedMissingAsync(SeedPolicies.Load(offices.Select(o => o.Id)), cancellationToken);
        await protocols.SeedMissingAsync(offices.Select(o => o.Id), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
