namespace LegalAidReferral.Core.Referrals.Protocol;

/// <summary>
/// Port: each office's protocol settings, versioned like triage policies (a change adds the next
/// version; earlier versions stay for the record). Open deadlines never move with a change: each step
/// stores its due time when it starts.
/// </summary>
public interface IProtocolSettingsStore
{
    /// <summary>The office's latest version, or null if it has none.</summary>
    Task<ProtocolSettings?> CurrentAsync(string officeId, CancellationToken cancellationToken);

    /// <summary>Adds a version; false if that version number already exists (a concurrent change won).</summary>
    Task<bool> TryAddAsync(ProtocolSettings settings, CancellationToken cancellationToken);
}
