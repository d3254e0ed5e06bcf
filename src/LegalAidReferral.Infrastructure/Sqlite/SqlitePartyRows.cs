using System.Runtime.CompilerServices;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Conflicts;
using Microsoft.Data.Sqlite;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// The conflict check's party index rows of one case, written inside the transaction that writes the
/// case, so the index never holds a party the case table does not, nor misses one it does.
/// </summary>
/// <remarks>
/// Every row is built when this is made, before the write is queued: the single writer only runs a few
/// statements over JSON arrays, whatever the names, so one case's index cannot hold up other writes.
/// </remarks>
internal sealed class SqlitePartyRows
{
    private const int BackfillBatchSize = 500;

    private static readonly ConditionalWeakTable<VocabularyWord, string> DeletionRows = new();

    private readonly string officeId;
    private readonly string caseId;
    private readonly string parties;
    private readonly string partyWords;
    private readonly string documents;
    private readonly string words;
    private readonly Dictionary<string, string> deletionsByWord;
    private readonly HashSet<(string Role, long Position, string Reference, string Profile)> stored;

    private SqlitePartyRows(string officeId, string caseId, IndexedCase indexed)
    {
        this.officeId = officeId;
        this.caseId = caseId;
        var rows = indexed.Parties.Select(p => (Party: p, Role: Kebab<PartyRole>.Name(p.Role))).ToArray();
        parties = SqliteJson.Array(rows.Select(r => new object[] { r.Role, r.Party.Position, r.Party.Reference, r.Party.Profile }));
        partyWords = SqliteJson.Array(rows.SelectMany(r => r.Party.Words.Select(w => new object[] { w, r.Role, r.Party.Position, r.Party.HasOneWordName ? 1 : 0 })));
        documents = SqliteJson.Array(rows.SelectMany(r => r.Party.DocumentNumbers.Select(n => new object[] { n, r.Role, r.Party.Position })));
        words = SqliteJson.Array(indexed.Vocabulary.Select(w => new object[] { w.Word, w.Phonetic }));

        deletionsByWord = indexed.Vocabulary.ToDictionary(w => w.Word, DeletionRowsOf, StringComparer.Ordinal);
        stored = rows.Select(r => (r.Role, (long)r.Party.Position, r.Party.Reference, r.Party.Profile)).ToHashSet();
    }

    public static SqlitePartyRows Of(string officeId, string caseId, IndexedCase indexed) => new(officeId, caseId, indexed);

    /// <summary>
    /// A word's [form, word] pairs without the enclosing brackets, to be joined for the words that are
    /// new; made once per kept word (<see cref="PartyVocabulary.Word"/> hands out the same instance).
    /// </summary>
    private static string DeletionRowsOf(VocabularyWord word) =>
        DeletionRows.GetValue(word, w => SqliteJson.Array(w.Deletions.Select(form => new[] { form, w.Word }))[1..^1]);

    /// <summary>Indexes the parties of a case that has none indexed yet.</summary>
    public void Insert(SqliteWrite write)
    {
        Execute(
            write,
            """
            INSERT INTO parties (office_id, case_id, role, position, reference, profile)
            SELECT $office, $case, value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each($rows);
            """,
            parties);

        // CROSS JOIN keeps the case's few rows as the outer loop; each finds its party through parties_by_case.
        Execute(
            write,
            """
            INSERT INTO party_words (office_id, word, party_id, one_word_name)
            SELECT $office, r.value ->> 0, p.id, r.value ->> 3
            FROM json_each($rows) AS r CROSS JOIN parties AS p
            ON p.office_id = $office AND p.case_id = $case AND p.role = r.value ->> 1 AND p.position = r.value ->> 2;
            """,
            partyWords);
        Execute(
            write,
            """
            INSERT INTO party_documents (office_id, number, party_id)
            SELECT $office, r.value ->> 0, p.id
            FROM json_each($rows) AS r CROSS JOIN parties AS p
            ON p.office_id = $office AND p.case_id = $case AND p.role = r.value ->> 1 AND p.position = r.value ->> 2;
            """,
            documents);

        // The vocabulary is small next to the parties: only words indexed for the first time get their forms written.
        var added = new List<string>();
        using (var reader = Command(
            write,
            """
            INSERT INTO words (office_id, word, phonetic) SELECT $office, value ->> 0, value ->> 1 FROM json_each($rows) WHERE true
            ON CONFLICT DO NOTHING RETURNING word;
            """,
            words).ExecuteReader())
        {
            while (reader.Read())
            {
                added.Add(reader.GetString(0));
            }
        }

        if (added.Count > 0)
        {
            Execute(
                write,
                "INSERT INTO word_deletions (office_id, deletion, word) SELECT $office, value ->> 0, value ->> 1 FROM json_each($rows) WHERE true ON CONFLICT DO NOTHING;",
                $"[{string.Join(',', added.Select(w => deletionsByWord[w]))}]");
        }
    }

    /// <summary>Indexes the parties of a case in place of its earlier ones.</summary>
    public void Replace(SqliteWrite write)
    {
        // Most writes change a case's status, triage or consent and leave its parties as they were.
        if (Unchanged(write))
        {
            return;
        }

        Execute(
            write,
            """
            DELETE FROM party_words WHERE party_id IN (SELECT id FROM parties WHERE office_id = $office AND case_id = $case);
            DELETE FROM party_documents WHERE party_id IN (SELECT id FROM parties WHERE office_id = $office AND case_id = $case);
            DELETE FROM parties WHERE office_id = $office AND case_id = $case;
            """,
            "[]");
        Insert(write);
    }

    /// <summary>Rebuilds the party index from every stored case: once, for a database written before it existed.</summary>
    public static void IndexAllCases(SqliteWrite write)
    {
        write.Command("DELETE FROM party_words; DELETE FROM party_documents; DELETE FROM parties;").ExecuteNonQuery();

        var after = long.MinValue;
        while (true)
        {
            var batch = new List<(long RowId, string OfficeId, string CaseId, Case Case)>(BackfillBatchSize);
            var read = write.Command("SELECT rowid, office_id, id, document FROM cases WHERE rowid > $after ORDER BY rowid LIMIT $take;");
            read.Parameters.AddWithValue("$after", after);
            read.Parameters.AddWithValue("$take", BackfillBatchSize);
            using (var reader = read.ExecuteReader())
            {
                while (reader.Read())
                {
                    batch.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), StoredJson.Read<Case>(reader, 3, SqliteCaseStore.Document)));
                }
            }

            foreach (var (rowId, officeId, caseId, @case) in batch)
            {
                Of(officeId, caseId, IndexedCase.Of(@case)).Insert(write);
                after = rowId;
            }

            if (batch.Count < BackfillBatchSize)
            {
                return;
            }
        }
    }

    private bool Unchanged(SqliteWrite write)
    {
        var found = 0;
        using var reader = Command(write, "SELECT role, position, reference, profile FROM parties WHERE office_id = $office AND case_id = $case;", "[]")
            .ExecuteReader();
        while (reader.Read())
        {
            found++;
            if (!stored.Contains((reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3))))
            {
                return false;
            }
        }

        return found == stored.Count;
    }

    private void Execute(SqliteWrite write, string sql, string rows) => Command(write, sql, rows).ExecuteNonQuery();

    private SqliteCommand Command(SqliteWrite write, string sql, string rows)
    {
        var command = write.Command(sql);
        command.Parameters.AddWithValue("$office", officeId);
        command.Parameters.AddWithValue("$case", caseId);
        command.Parameters.AddWithValue("$rows", rows);
        return command;
    }
}
