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
    private const string CandidatesSql = """
        SELECT c.id, c.parties FROM c
        WHERE c.officeId = @office AND c.id != @excluded
          AND (EXISTS(SELECT VALUE w FROM w IN c.partyWords WHERE ARRAY_CONTAINS(@words, w))
               OR EXISTS(SELECT VALUE n FROM n IN c.partyDocuments WHERE ARRAY_CONTAINS(@documents, n)))
        """;

    public async Task<IReadOnlyList<PartyMatch>> SearchAsync(string officeId, PartyProfile query, Guid excludedCaseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var search = PartyQuery.Of(query);
        var (byPhonetic, byDeletion) = await vocabulary.FindAsync(officeId, search.PhoneticKeys, search.DeletionForms, cancellationToken);
        var similar = search.SimilarWords(byPhonetic, byDeletion);
        var numbersByWord = similar.ToLookup(s => s.Word, s => s.Number, StringComparer.Ordinal);
        var definition = new QueryDefinition(CandidatesSql)
            .WithParameter("@office", officeId)
            .WithParameter("@excluded", excludedCaseId.ToString("D"))
            .WithParameter("@words", numbersByWord.Select(g => g.Key).ToArray())
            .WithParameter("@documents", search.DocumentNumbers);
        var cases = await database.Cases.QueryAsync<CandidateRow>(definition, officeId, cancellationToken);
        var documents = search.DocumentNumbers.ToHashSet(StringComparer.Ordinal);
        var candidates = cases.SelectMany(c => c.Parties
            .Where(p => IsCandidate(p, search, numbersByWord, documents))
            .Select(p => p.ToProfile(Guid.ParseExact(c.Id, "D"))));
        return PartySearch.Ranked(candidates.Select(c => PartyMatcher.Match(query, c)).OfType<PartyMatch>())
            .Take(PartySearch.MaxCandidates)
            .ToArray();
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
