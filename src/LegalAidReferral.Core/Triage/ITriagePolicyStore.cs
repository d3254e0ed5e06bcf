namespace LegalAidReferral.Core.Triage;

/// <summary>Port: the versions of every office's triage policy. Versions are only ever added, never changed.</summary>
public interface ITriagePolicyStore
{
    /// <summary>The office's newest version, or null when it has none.</summary>
    Task<TriagePolicy?> FindCurrentAsync(string officeId, CancellationToken cancellationToken);

    Task<TriagePolicy?> FindVersionAsync(string officeId, int version, CancellationToken cancellationToken);

    /// <summary>Stores a new version; false when the office already has a version with that number.</summary>
    Task<bool> TryAddAsync(TriagePolicy policy, CancellationToken cancellationToken);
}
