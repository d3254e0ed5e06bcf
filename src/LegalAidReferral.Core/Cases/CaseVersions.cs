namespace LegalAidReferral.Core.Cases;

/// <summary>The one rule of case versions that every store enforces on a replacement.</summary>
public static class CaseVersions
{
    /// <summary>Throws unless <paramref name="replacement"/> carries the version after <paramref name="expectedVersion"/>.</summary>
    public static void RequireNext(Case replacement, long expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        if (replacement.Version != expectedVersion + 1)
        {
            throw new ArgumentException(
                $"A case replacing version {expectedVersion} must carry version {expectedVersion + 1}, not {replacement.Version}.", nameof(replacement));
        }
    }
}
