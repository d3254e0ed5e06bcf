using LegalAidReferral.Core.Conflicts;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// The party search on the index each case document carries (<see cref="CaseDocument.Parties"/>): one
/// single-partition query finds the query words' similar words in the office's vocabulary, a second the
/// office's cases holding one of them or a document number, and the rule of <see cref="PartyQuery"/>
/// (two distinct query words, or one with a one-word name, or a document number) picks the candidates
/// that are scored, as the SQLite adapter does in SQL.
/// </summary>
public sealed class CosmosPartySearch(CosmosDatabase database, CosmosVocabulary vocabulary) : IPartySearch
{
    // Beyond this many distinct query words, the filter asks for any similar word instead of pairs.
    private const int MaxPairedWords = 6;

    public async Task<IReadOnlyList<PartyMatch>> SearchAsync(string officeId, PartyProfile query, Guid excludedCaseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var search = PartyQuery.Of(query);
        var (byPhonetic, byDeletion) = await vocabulary.FindAsync(officeId, search.PhoneticKeys, search.DeletionForms, cancellationToken);
        var similar = search.SimilarWords(byPhonetic, byDeletion);
        var numbersByWord = similar.ToLookup(s => s.Word, s => s.Number, StringComparer.Ordinal);
        var cases = await database.Cases.QueryAsync<CandidateRow>(CandidatesQuery(officeId, search, similar, excludedCaseId), officeId, cancellationToken);
        var documents = search.DocumentNumbers.ToHashSet(StringComparer.Ordinal);
        var candidates = cases.SelectMany(c => c.Parties
            .Where(p => IsCandidate(p, search, numbersByWord, documents))
            .Select(p => p.ToProfile(Guid.ParseExact(c.Id, "D"))));
        return PartySearch.Ranked(candidates.Select(c => PartyMatcher.Match(query, c)).OfType<PartyMatch>())
            .Take(PartySearch.MaxCandidates)
            .ToArray();
    }

    /// <summary>
    /// The office's other cases that may hold a candidate: a case with words similar to two distinct query
    /// words (checked pair by pair), or to one when the query or a party of the case has a one-word
    /// name, or with one of the document numbers. The rule is then applied party by party.
    /// </summary>
    private static QueryDefinition CandidatesQuery(string officeId, PartyQuery search, IReadOnlyCollection<(string Word, int Number)> similar, Guid excludedCaseId)
    {
        var groups = similar.GroupBy(s => s.Number).OrderBy(g => g.Key).Select(g => g.Select(s => s.Word).Distinct(StringComparer.Ordinal).ToArray()).ToArray();
        var any = similar.Select(s => s.Word).Distinct(StringComparer.Ordinal).ToArray();
        var parameters = new List<(string Name, object Value)>
        {
            ("@office", officeId), ("@excluded", excludedCaseId.ToString("D")), ("@any", any), ("@documents", search.DocumentNumbers),
        };
        var conditions = new List<string>
        {
            "EXISTS(SELECT VALUE n FROM n IN c.partyDocuments WHERE ARRAY_CONTAINS(@documents, n))",
            "EXISTS(SELECT VALUE w FROM w IN c.oneWordNames WHERE ARRAY_CONTAINS(@any, w))",
        };
        if (search.HasOneWordName || groups.Length > MaxPairedWords)
        {
            conditions.Add(Holds("@any"));
        }
        else
        {
            for (var i = 0; i < groups.Length; i++)
            {
                parameters.Add(($"@w{i}", groups[i]));
            }

            for (var i = 0; i < groups.Length; i++)
            {
                for (var j = i + 1; j < groups.Length; j++)
                {
                    conditions.Add($"({Holds($"@w{i}")} AND {Holds($"@w{j}")})");
                }
            }
        }

        var sql = $"SELECT c.id, c.parties FROM c WHERE c.officeId = @office AND c.id != @excluded AND ({string.Join(" OR ", conditions)})";
        return parameters.Aggregate(new QueryDefinition(sql), (query, p) => query.WithParameter(p.Name, p.Value));

        static string Holds(string words) => $"EXISTS(SELECT VALUE w FROM w IN c.partyWords WHERE ARRAY_CONTAINS({words}, w))";
    }

    private static bool IsCandidate(PartyShape party, PartyQuery search, ILookup<string, int> numbersByWord, HashSet<string> documents)
    {
        if (party.Documents.Any(documents.Contains))
        {
            return true;
        }

        var matched = party.Words.SelectMany(w => numbersByWord[w]).Distinct().Count();
        return matched >= 2 || (matched == 1 && (search.HasOneWordName || party.OneWordName));
    }

    private sealed record CandidateRow(string Id, IReadOnlyList<PartyShape> Parties);
}
