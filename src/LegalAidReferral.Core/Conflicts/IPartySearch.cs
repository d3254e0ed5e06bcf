namespace LegalAidReferral.Core.Conflicts;

/// <summary>
/// Port: the clients and adverse parties recorded on an office's cases, searched for one party.
/// A search opens the given office's parties only, never another office's.
/// </summary>
public interface IPartySearch
{
    /// <summary>
    /// The office's parties that may be <paramref name="query"/>, best first (<see cref="PartySearch.Ranked"/>),
    /// at most <see cref="PartySearch.MaxCandidates"/>, leaving out the parties of one case.
    /// </summary>
    Task<IReadOnlyList<PartyMatch>> SearchAsync(string officeId, PartyProfile query, Guid excludedCaseId, CancellationToken cancellationToken);
}
