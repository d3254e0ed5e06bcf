using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using Microsoft.Data.Sqlite;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>Cases as one JSON document per row, with the columns the listing filters and sorts on.</summary>
public sealed class SqliteCaseStore(SqliteDatabase database) : ICaseStore
{
    private const int ReadAllBatchSize = 500;
    private const string Columns = "office_id, id, version, status, priority, created_at, search, document";

    public Task<bool> TryCreateAsync(Case @case, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var row = CaseRow.Of(@case);
        return database.WriteAsync(
            connection =>
            {
                using var command = SqliteDatabase.Command(
                    connection,
                    $"INSERT INTO cases ({Columns}) VALUES ($office, $id, $version, $status, $priority, $created, $search, $document) ON CONFLICT DO NOTHING;");
                row.Bind(command);
                return command.ExecuteNonQuery() == 1;
            },
            cancellationToken);
    }

    public Task<Case?> FindAsync(string officeId, Guid caseId, CancellationToken cancellationToken) =>
        Task.FromResult(database.Read(
            connection =>
            {
                using var command = SqliteDatabase.Command(connection, "SELECT document FROM cases WHERE office_id = $office AND id = $id;");
                command.Parameters.AddWithValue("$office", officeId);
                command.Parameters.AddWithValue("$id", caseId.ToString("D"));
                return command.ExecuteScalar() is string document ? Deserialize(document) : null;
            },
            cancellationToken));

    public Task<bool> TryReplaceAsync(Case @case, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var row = CaseRow.Of(@case);
        return database.WriteAsync(
            connection =>
            {
                using var command = SqliteDatabase.Command(
                    connection,
                    """
                    UPDATE cases
                    SET version = $version, status = $status, priority = $priority, created_at = $created, search = $search, document = $document
                    WHERE office_id = $office AND id = $id AND version = $expected;
                    """);
                row.Bind(command);
                command.Parameters.AddWithValue("$expected", expectedVersion);
                return command.ExecuteNonQuery() == 1;
            },
            cancellationToken);
    }

    public Task<Page<CaseSummary>> ListAsync(string officeId, CaseQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        var after = KeysetPosition.Parse(page.ContinuationToken);
        var take = KeysetPosition.Take(page);
        var text = string.IsNullOrWhiteSpace(query.Text) ? null : SearchText.Normalize(query.Text);

        // Only the filters in use appear in the SQL, so SQLite can pick the matching index.
        var sql = new StringBuilder("SELECT created_at, id, document FROM cases WHERE office_id = $office");
        if (query.Status is not null)
        {
            sql.Append(" AND status = $status");
        }

        if (query.Priority is not null)
        {
            sql.Append(" AND priority = $priority");
        }

        if (text is not null)
        {
            sql.Append(@" AND search LIKE $text ESCAPE '\'");
        }

        if (after is not null)
        {
            sql.Append(" AND (created_at < $afterCreated OR (created_at = $afterCreated AND id < $afterId))");
        }

        sql.Append(" ORDER BY created_at DESC, id DESC LIMIT $take;");

        return Task.FromResult(database.Read(
            connection =>
            {
                using var command = SqliteDatabase.Command(connection, sql.ToString());
                command.Parameters.AddWithValue("$office", officeId);
                command.Parameters.AddWithValue("$take", take + 1);
                if (query.Status is { } status)
                {
                    command.Parameters.AddWithValue("$status", Kebab<CaseStatus>.Name(status));
                }

                if (query.Priority is { } priority)
                {
                    command.Parameters.AddWithValue("$priority", Kebab<Priority>.Name(priority));
                }

                if (text is not null)
                {
                    command.Parameters.AddWithValue("$text", $"%{EscapeLike(text)}%");
                }

                if (after is { } position)
                {
                    command.Parameters.AddWithValue("$afterCreated", position.Ticks);
                    command.Parameters.AddWithValue("$afterId", position.Id);
                }

                return KeysetPosition.ReadPage(
                    command, take, reader => (new KeysetPosition(reader.GetInt64(0), reader.GetString(1)), CaseSummary.Of(Deserialize(reader.GetString(2)))));
            },
            cancellationToken));
    }

    public async IAsyncEnumerable<Case> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Batches by rowid, so no read connection stays open while the caller works on a batch.
        var after = long.MinValue;
        while (true)
        {
            var batch = database.Read(
                connection =>
                {
                    using var command = SqliteDatabase.Command(connection, "SELECT rowid, document FROM cases WHERE rowid > $after ORDER BY rowid LIMIT $take;");
                    command.Parameters.AddWithValue("$after", after);
                    command.Parameters.AddWithValue("$take", ReadAllBatchSize);
                    var rows = new List<(long RowId, Case Case)>(ReadAllBatchSize);
                    using var reader = command.ExecuteReader();
                    while (reader.Read())
                    {
                        rows.Add((reader.GetInt64(0), Deserialize(reader.GetString(1))));
                    }

                    return rows;
                },
                cancellationToken);
            foreach (var (rowId, @case) in batch)
            {
                after = rowId;
                yield return @case;
            }

            if (batch.Count < ReadAllBatchSize)
            {
                yield break;
            }

            await Task.Yield();
        }
    }

    private static Case Deserialize(string document) =>
        JsonSerializer.Deserialize<Case>(document, WireJson.Options)
        ?? throw new InvalidDataException("A stored case document is empty.");

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}
