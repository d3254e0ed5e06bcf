using LegalAidReferral.Core.Referrals.Protocol;
using Microsoft.Extensions.Hosting;

namespace LegalAidReferral.Functions.Offices;

/// <summary>
/// At start, after the storage is seeded, puts the current protocol settings of the offices this
/// deployment serves in the outbox (<see cref="AnnounceProtocolSettings"/>); the relay publishes them.
/// </summary>
public sealed class ProtocolSettingsAnnouncement(AnnounceProtocolSettings announce) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => announce.RunAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
