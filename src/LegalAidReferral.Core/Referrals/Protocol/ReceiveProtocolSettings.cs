using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Offices;

namespace LegalAidReferral.Core.Referrals.Protocol;

/// <summary>
/// The receiving side of the protocol-settings topic: another deployment's office's settings, stored as
/// that office's settings here, so this deployment's senders compute its deadlines from them. A version
/// is stored only when it is newer than the one held, so a redelivered message, a repeated announcement
/// or a version that arrives after a newer one changes nothing. An office this deployment serves keeps
/// its own settings: a message about it (its own, back from the exchange) is ignored. A message that
/// breaks the contract, carries invalid settings or names an office outside the directory is rejected.
/// </summary>
public sealed class ReceiveProtocolSettings(IProtocolSettingsStore store, IServedOffices served, IOfficeDirectory offices) : IMessageHandler
{
    public string Topic => Topics.ProtocolSettings;

    public async Task<Delivery> HandleAsync(ExchangeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!ProtocolSettingsMessages.TryRead(message, out var settings, out var problem))
        {
            return Delivery.Rejected(problem);
        }

        if ((await served.ListAsync(cancellationToken)).Contains(settings.OfficeId, StringComparer.Ordinal))
        {
            return Delivery.Handled;
        }

        if (await offices.FindAsync(settings.OfficeId, cancellationToken) is null)
        {
            return Delivery.Rejected("office-not-in-directory");
        }

        while (true)
        {
            var current = await store.CurrentAsync(settings.OfficeId, cancellationToken);
            if (current is not null && current.Version >= settings.Version)
            {
                return Delivery.Handled;
            }

            if (await store.TryAddAsync(settings, [], cancellationToken))
            {
                return Delivery.Handled;
            }
        }
    }
}
