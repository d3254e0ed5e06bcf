using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Conflicts;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// Searches the party index that <see cref="SqliteCaseStore"/> writes with each case: the query words'
/// similar words are looked up by sound-alike key and deletion form, the parties holding them are
/// counted per distinct query word in SQL, and only the candidates' profiles are read and scored.
/// </summary>
public sealed class SqlitePartySearch(SqliteDatabase database) : IPartySearch
{
    // IN (...) rather than a join with json_each: the planner cannot size json_each, and in a join it
    // may scan the office's whole vocabulary once per key.
    private const string SoundAlikeSql =
        "SELECT phonetic, word FROM words WHERE office_id = $office AND phonetic IN (SELECT value FROM json_each($keys));";

    private const string NearSql =
        "SELECT deletion, word FROM word_deletions WHERE office_id = $office AND deletion IN (SELECT value FROM json_each($forms));";

    // The rule of PartyQuery: two or more distinct query words, or one when either side has a one-word
    // name, or a shared document number. CROSS JOIN keeps the few similar words as the outer loop.
    private const string CandidatesSql = """
        WITH similar(word, number) AS (
            SELECT value ->> '$[0]', value ->> '$[1]' FROM json_each($similar)
        ),
        hits(party_id) AS (
            SELECT pw.party_id
            FROM similar AS s CROSS JOIN party_words AS pw ON pw.office_id = $office AND pw.word = s.word
            GROUP BY pw.party_id
            HAVING COUNT(DISTINCT s.number) >= 2 OR $queryHasOneWordName OR MAX(pw.one_word_name) = 1
            UNION
            SELECT party_id FROM party_documents WHERE office_id = $office AND number IN (SELECT value FROM json_each($documents))
        )
        SELECT p.case_id, p.reference, p.role, p.position, p.profile
        FROM hits AS h JOIN parties AS p ON p.id = h.party_id
        WHERE p.case_id <> $excluded;
        """;

    public Task<IReadOnlyList<PartyMatch>> SearchAsync(string officeId, PartyProfile query, Guid excludedCaseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var search = PartyQuery.Of(query);
        var candidates = database.Read(
            // One snapshot for both steps, so a case written in between is seen whole or not at all.
            read => read.InSnapshot(() =>
            {
                var soundAlike = Lookup(read, SoundAlikeSql, "$keys", officeId, search.PhoneticKeys);
                var near = Lookup(read, NearSql, "$forms", officeId, search.DeletionForms);
                return Candidates(read, officeId, search, search.SimilarWords(soundAlike, near), excludedCaseId);
            }),
            cancellationToken);

        IReadOnlyList<PartyMatch> ranked = PartySearch.Ranked(candidates.Select(c => PartyMatcher.Match(query, c)).OfType<PartyMatch>())
            .Take(PartySearch.MaxCandidates)
            .ToArray();
        return Task.FromResult(ranked);
    }

    private static ILookup<string, string> Lookup(SqliteRead read, string sql, string parameter, string officeId, IReadOnlyList<string> keys)
    {
        var command = read.Command(sql);
        command.Parameters.AddWithValue("$office", officeId);
        command.Parameters.AddWithValue(parameter, SqliteJson.Array(keys));
        var rows = new List<(string Key, string Word)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows.ToLookup(r => r.Key, r => r.Word, StringComparer.Ordinal);
    }

    private static List<PartyProfile> Candidates(
        SqliteRead read,
        string officeId,
        PartyQuery search,
        IReadOnlyCollection<(string Word, int Number)> similar,
        Guid excludedCaseId)
    {
        var command = read.Command(CandidatesSql);
        command.Parameters.AddWithValue("$office", officeId);
        command.Parameters.AddWithValue("$similar", SqliteJson.Array(similar.Select(s => new object[] { s.Word, s.Number })));
        command.Parameters.AddWithValue("$queryHasOneWordName", search.HasOneWordName);
        command.Parameters.AddWithValue("$documents", SqliteJson.Array(search.DocumentNumbers));
        command.Parameters.AddWithValue("$excluded", excludedCaseId.ToString("D"));
        var candidates = new List<PartyProfile>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var role = Kebab<PartyRole>.TryParse(reader.GetString(2), out var parsed)
                ? parsed
                : throw new InvalidDataException("A stored party has an unknown role.");
            candidates.Add(PartyProfileCodec.Deserialize(
                Guid.Parse(reader.GetString(0)), reader.GetString(1), role, reader.GetInt32(3), reader.GetString(4)));
        }

        return candidates;
    }
}
