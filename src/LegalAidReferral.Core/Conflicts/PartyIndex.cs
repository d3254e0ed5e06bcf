using System.Collections.Concurrent;
using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Core.Conflicts;

/// <summary>
/// The clients and adverse parties of every case, kept in memory per office so a conflict check
/// searches one office's parties only and never another's. Kept current by
/// <see cref="IndexingCaseStore"/> on every write and filled from the store at start.
/// </summary>
public sealed class PartyIndex
{
    public const int MaxCandidates = 50;

    private readonly ConcurrentDictionary<string, OfficePartyIndex> _offices = new(StringComparer.Ordinal);
    private volatile bool _loaded;

    /// <summary>True once every stored case has been indexed; before that a search could miss parties.</summary>
    public bool IsLoaded => _loaded;

    public void MarkLoaded() => _loaded = true;

    /// <summary>Indexes the case's parties in place of its earlier ones; an older version than the indexed one is ignored.</summary>
    public void Upsert(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var profiles = PartyProfile.Of(@case);
        _offices.GetOrAdd(@case.OfficeId, _ => new OfficePartyIndex()).Replace(@case.Id, @case.Version, profiles);
    }

    public int Count(string officeId) => _offices.TryGetValue(officeId, out var office) ? office.Count : 0;

    /// <summary>The office's parties that may be <paramref name="query"/>, best first, leaving out the parties of one case.</summary>
    public IReadOnlyList<PartyMatch> Search(string officeId, PartyProfile query, Guid excludedCaseId, int limit = MaxCandidates)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!_offices.TryGetValue(officeId, out var office))
        {
            return [];
        }

        return office.Search(query, excludedCaseId)
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.Candidate.Reference, StringComparer.Ordinal)
            .ThenBy(m => m.Candidate.Role)
            .ThenBy(m => m.Candidate.Position)
            .Take(limit)
            .ToArray();
    }
}
