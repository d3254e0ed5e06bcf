using LegalAidReferral.Core.Offices;

namespace LegalAidReferral.Core.Referrals.Protocol;

/// <summary>
/// At start, puts the current protocol settings of every office this deployment serves in the outbox,
/// each as a new message, so a deployment that joined the exchange since (or missed a change) learns
/// them. Receivers keep a version they already hold, so the repeats change nothing.
/// </summary>
public sealed class AnnounceProtocolSettings(IServedOffices served, IProtocolSettingsStore store, TimeProvider clock)
{
    /// <summary>Announces each served office's current settings; returns how many it announced.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var announced = 0;
        foreach (var officeId in await served.ListAsync(cancellationToken))
        {
            if (await store.CurrentAsync(officeId, cancellationToken) is not { } current)
            {
                continue;
            }

            var now = clock.GetUtcNow();
            await store.AnnounceAsync(current, ProtocolSettingsMessages.Of(current, Guid.CreateVersion7(now), now), cancellationToken);
            announced++;
        }

        return announced;
    }
}
