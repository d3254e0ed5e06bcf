using LegalAidReferral.Core.Messaging;

namespace LegalAidReferral.Core.Referrals.Protocol;

/// <summary>
/// Port: each office's protocol settings, versioned like triage policies (a change adds the next
/// version; earlier versions stay for the record). Open deadlines never move with a change: each step
/// stores its due time when it starts. The offices this deployment serves change theirs here; other
/// offices' settings arrive through the exchange (<see cref="ReceiveProtocolSettings"/>).
/// </summary>
public interface IProtocolSettingsStore
{
    /// <summary>The office's latest version, or null if it has none.</summary>
    Task<ProtocolSettings?> CurrentAsync(string officeId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a version and saves <paramref name="sends"/> (its replication to the other deployments) in
    /// the outbox in the same write; false, and nothing saved, if that version number already exists (a
    /// concurrent change won).
    /// </summary>
    Task<bool> TryAddAsync(ProtocolSettings settings, IReadOnlyList<ExchangeMessage> sends, CancellationToken cancellationToken);

    /// <summary>Saves <paramref name="message"/> in the outbox with the stored version <paramref name="current"/>, which it announces; nothing else changes.</summary>
    Task AnnounceAsync(ProtocolSettings current, ExchangeMessage message, CancellationToken cancellationToken);
}
