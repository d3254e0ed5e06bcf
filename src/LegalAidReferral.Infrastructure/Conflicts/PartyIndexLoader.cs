using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Conflicts;
using Microsoft.Extensions.Hosting;

namespace LegalAidReferral.Infrastructure.Conflicts;

/// <summary>
/// Fills the party index from the stored cases before the host serves requests. Register it after
/// the storage initializer, which creates the schema it reads.
/// </summary>
public sealed class PartyIndexLoader(ICaseStore store, PartyIndex index) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await foreach (var @case in store.ReadAllAsync(cancellationToken))
        {
            index.Upsert(@case);
        }

        index.MarkLoaded();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
