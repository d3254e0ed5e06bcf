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
    /// <remarks>
    /// Rows go in a few statements over JSON arrays rather than one statement per row: the writer is
    /// shared by every intake, and each statement executed under it costs them all.
    /// </remarks>
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, string officeId, string caseId, IReadOnlyList<IndexedParty> parties)
    {
        var partyIds = new long[parties.Count];
        using (var party = SqliteDatabase.Command(
            connection,
            "INSERT INTO parties (office_id, case_id, role, position, reference, profile) VALUES ($office, $case, $role, $position, $reference, $profile) RETURNING id;",
            transaction))
        {
            party.Parameters.AddWithValue("$office", officeId);
            party.Parameters.AddWithValue("$case", caseId);
            var role = party.Parameters.Add("$role", SqliteType.Text);
            var position = party.Parameters.Add("$position", SqliteType.Integer);
            var reference = party.Parameters.Add("$reference", SqliteType.Text);
            var profile = party.Parameters.Add("$profile", SqliteType.Text);
            for (var i = 0; i < parties.Count; i++)
            {
                role.Value = Kebab<PartyRole>.Name(parties[i].Role);
                position.Value = parties[i].Position;
                reference.Value = parties[i].Reference;
                profile.Value = parties[i].Profile;
                partyIds[i] = (long)party.ExecuteScalar()!;
            }
        }

        Execute(
            connection,
            transaction,
            "INSERT INTO party_words (office_id, word, party_id, one_word_name) SELECT $office, value ->> 0, value ->> 1, value ->> 2 FROM json_each($rows);",
            officeId,
            SqliteJson.Array(parties.SelectMany((p, i) => p.Words.Select(w => new object[] { w, partyIds[i], p.HasOneWordName ? 1 : 0 }))));

        var documents = parties.SelectMany((p, i) => p.DocumentNumbers.Select(n => new object[] { n, partyIds[i] })).ToArray();
        if (documents.Length > 0)
        {
            Execute(
                connection,
                transaction,
                "INSERT INTO party_documents (office_id, number, party_id) SELECT $office, value ->> 0, value ->> 1 FROM json_each($rows);",
                officeId,
                SqliteJson.Array(documents));
        }

        // The vocabulary is small next to the parties: only words indexed for the first time get their keys written.
        var added = new List<string>();
        using (var words = SqliteDatabase.Command(
            connection,
            """
            INSERT INTO words (office_id, word, phonetic) SELECT $office, value ->> 0, value ->> 1 FROM json_each($rows) WHERE true
            ON CONFLICT DO NOTHING RETURNING word;
            """,
            transaction))
        {
            words.Parameters.AddWithValue("$office", officeId);
            words.Parameters.AddWithValue(
                "$rows",
                SqliteJson.Array(parties.SelectMany(p => p.Words).Distinct(StringComparer.Ordinal).Select(w => new object[] { w, PartyVocabulary.Phonetic(w) })));
            using var reader = words.ExecuteReader();
            while (reader.Read())
            {
                added.Add(reader.GetString(0));
            }
        }

        if (added.Count > 0)
        {
            Execute(
                connection,
                transaction,
                "INSERT INTO word_deletions (office_id, deletion, word) SELECT $office, value ->> 0, value ->> 1 FROM json_each($rows) WHERE true ON CONFLICT DO NOTHING;",
                officeId,
                SqliteJson.Array(added.SelectMany(w => PartyVocabulary.Deletions(w).Select(form => new object[] { form, w }))));
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

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, string officeId, string rows)
    {
        using var command = SqliteDatabase.Command(connection, sql, transaction);
        command.Parameters.AddWithValue("$office", officeId);
        command.Parameters.AddWithValue("$rows", rows);
        command.ExecuteNonQuery();
    }
}
