using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Referrals.Protocol;

namespace LegalAidReferral.Core.Referrals;

/// <summary>The receiving office's protocol settings and its calendar (deadlines in its time zone), from its current settings or the defaults.</summary>
public sealed class ReferralCalendars(IProtocolSettingsStore protocols)
{
    public async Task<(ProtocolSettings Settings, DeadlineCalculator Calendar)> ForAsync(Office receiver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        var settings = await protocols.CurrentAsync(receiver.Id, cancellationToken) ?? ProtocolDefaults.For(receiver.Id);
        return (settings, DeadlineCalculator.For(settings, receiver.TimeZone));
    }
}
