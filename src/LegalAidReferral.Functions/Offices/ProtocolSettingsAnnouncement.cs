using LegalAidReferral.Core.Referrals.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LegalAidReferral.Functions.Offices;

/// <summary>
/// At start, after the storage is seeded, puts the current protocol settings of the offices this
/// deployment serves in the outbox (<see cref="AnnounceProtocolSettings"/>); the relay publishes them.
/// The announcement is a courtesy to the other deployments, so a failure is logged and the start goes
/// on: the next start, or the next change of the settings, announces them again.
/// </summary>
public sealed partial class ProtocolSettingsAnnouncement(AnnounceProtocolSettings announce, ILogger<ProtocolSettingsAnnouncement> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await announce.RunAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The type and stack only, like every other failure log: a lower layer's message may quote data.
            LogFailed(logger, e.GetType().FullName ?? e.GetType().Name, e.StackTrace ?? string.Empty);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcing the protocol settings at start failed with {ExceptionType} at {StackTrace}; the start goes on, the next start or change announces them")]
    private static partial void LogFailed(ILogger logger, string exceptionType, string stackTrace);
}
