using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Conflicts;
using Microsoft.Data.Sqlite;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// Writes the conflict check's party index rows of a case, inside the transaction that writes the
/// case, so the index never holds a party the case table does not, nor misses one it does.
/// </summary>
internal static class SqlitePartyRows
{
    private const int BackfillBatchSize = 500;

    /// <summary>Indexes the parties of a case that has none indexed yet.</summary>
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, string officeId, string caseId, IReadOnlyList<IndexedParty> parties)
    {
        using var party = SqliteDatabase.Command(
            connection,
            "INSERT INTO parties (office_id, case_id, role, position, reference, profile) VALUES ($office, $case, $role, $position, $reference, $profile) RETURNING id;",
            transaction);
        using var partyWord = SqliteDatabase.Command(
            connection, "INSERT INTO party_words (office_id, word, party_id, one_word_name) VALUES ($office, $word, $party, $oneWord);", transaction);
        using var word = SqliteDatabase.Command(
            connection, "INSERT INTO words (office_id, word, phonetic) VALUES ($office, $word, $phonetic) ON CONFLICT DO NOTHING;", transaction);
        using var deletion = SqliteDatabase.Command(
            connection, "INSERT INTO word_deletions (office_id, deletion, word) VALUES ($office, $deletion, $word) ON CONFLICT DO NOTHING;", transaction);
        using var document = SqliteDatabase.Command(
            connection, "INSERT INTO party_documents (office_id, number, party_id) VALUES ($office, $number, $party);", transaction);
        foreach (var command in new[] { party, partyWord, word, deletion, document })
        {
            command.Parameters.AddWithValue("$office", officeId);
        }

        party.Parameters.AddWithValue("$case", caseId);
        foreach (var indexed in parties)
        {
            Set(party, "$role", Kebab<PartyRole>.Name(indexed.Role));
            Set(party, "$position", indexed.Position);
            Set(party, "$reference", indexed.Reference);
            Set(party, "$profile", indexed.Profile);
            var partyId = (long)party.ExecuteScalar()!;

            foreach (var text in indexed.Words)
            {
                Set(partyWord, "$word", text);
                Set(partyWord, "$party", partyId);
                Set(partyWord, "$oneWord", indexed.HasOneWordName);
                partyWord.ExecuteNonQuery();

                // The vocabulary is small next to the parties: a word's keys are written the first time only.
                Set(word, "$word", text);
                Set(word, "$phonetic", PartyVocabulary.Phonetic(text));
                if (word.ExecuteNonQuery() == 1)
                {
                    Set(deletion, "$word", text);
                    foreach (var form in PartyVocabulary.Deletions(text))
                    {
                        Set(deletion, "$deletion", form);
                        deletion.ExecuteNonQuery();
                    }
                }
            }

            foreach (var number in indexed.DocumentNumbers)
            {
                Set(document, "$number", number);
                Set(document, "$party", partyId);
                document.ExecuteNonQuery();
            }
        }
    }

    /// <summary>Indexes the parties of a case in place of its earlier ones.</summary>
    public static void Replace(SqliteConnection connection, SqliteTransaction transaction, string officeId, string caseId, IReadOnlyList<IndexedParty> parties)
    {
        // Most writes change a case's status, triage or consent and leave its parties as they were.
        if (Unchanged(connection, transaction, officeId, caseId, parties))
        {
            return;
        }

        using (var delete = SqliteDatabase.Command(
            connection,
            """
            DELETE FROM party_words WHERE party_id IN (SELECT id FROM parties WHERE office_id = $office AND case_id = $case);
            DELETE FROM party_documents WHERE party_id IN (SELECT id FROM parties WHERE office_id = $office AND case_id = $case);
            DELETE FROM parties WHERE office_id = $office AND case_id = $case;
            """,
            transaction))
        {
            delete.Parameters.AddWithValue("$office", officeId);
            delete.Parameters.AddWithValue("$case", caseId);
            delete.ExecuteNonQuery();
        }

        Insert(connection, transaction, officeId, caseId, parties);
    }

    /// <summary>Rebuilds the party index from every stored case: once, for a database written before it existed.</summary>
    public static void IndexAllCases(SqliteConnection connection, SqliteTransaction transaction)
    {
        using (var clear = SqliteDatabase.Command(connection, "DELETE FROM party_words; DELETE FROM party_documents; DELETE FROM parties;", transaction))
        {
            clear.ExecuteNonQuery();
        }

        var after = long.MinValue;
        while (true)
        {
            var batch = new List<(long RowId, string OfficeId, string CaseId, string Document)>(BackfillBatchSize);
            using (var read = SqliteDatabase.Command(
                connection, "SELECT rowid, office_id, id, document FROM cases WHERE rowid > $after ORDER BY rowid LIMIT $take;", transaction))
            {
                read.Parameters.AddWithValue("$after", after);
                read.Parameters.AddWithValue("$take", BackfillBatchSize);
                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    batch.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
                }
            }

            foreach (var (rowId, officeId, caseId, document) in batch)
            {
                Insert(connection, transaction, officeId, caseId, IndexedParty.Of(SqliteCaseStore.Deserialize(document)));
                after = rowId;
            }

            if (batch.Count < BackfillBatchSize)
            {
                return;
            }
        }
    }

    private static bool Unchanged(SqliteConnection connection, SqliteTransaction transaction, string officeId, string caseId, IReadOnlyList<IndexedParty> parties)
    {
        using var command = SqliteDatabase.Command(
            connection, "SELECT role, position, reference, profile FROM parties WHERE office_id = $office AND case_id = $case;", transaction);
        command.Parameters.AddWithValue("$office", officeId);
        command.Parameters.AddWithValue("$case", caseId);
        var wanted = parties.Select(p => (Kebab<PartyRole>.Name(p.Role), (long)p.Position, p.Reference, p.Profile)).ToHashSet();
        var stored = 0;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            stored++;
            if (!wanted.Contains((reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3))))
            {
                return false;
            }
        }

        return stored == wanted.Count;
    }

    private static void Set(SqliteCommand command, string name, object value)
    {
        if (command.Parameters.Contains(name))
        {
            command.Parameters[name].Value = value;
        }
        else
        {
            command.Parameters.AddWithValue(name, value);
        }
    }
}
