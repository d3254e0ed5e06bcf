namespace LegalAidReferral.Core.Conflicts;

/// <summary>How many candidates a conflict check lists, and in which order.</summary>
public static class PartySearch
{
    public const int MaxCandidates = 50;

    /// <summary>Best score first; ties by case reference, role and position so the order is stable.</summary>
    public static IEnumerable<PartyMatch> Ranked(IEnumerable<PartyMatch> matches) =>
        matches
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.Candidate.Reference, StringComparer.Ordinal)
            .ThenBy(m => m.Candidate.Role)
            .ThenBy(m => m.Candidate.Position);
}
