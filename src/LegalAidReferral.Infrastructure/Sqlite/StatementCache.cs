using Microsoft.Data.Sqlite;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// The prepared statements of one connection, each prepared on first use and kept for the
/// connection's lifetime: preparing them again for every request had been a third of the writer's
/// time per intake (see docs/performance.md).
/// </summary>
internal sealed class StatementCache(SqliteConnection connection) : IDisposable
{
    // Statements are constant texts or a few combinations of filters: more means SQL is built per call.
    private const int MaxStatements = 256;

    private readonly Dictionary<string, SqliteCommand> statements = new(StringComparer.Ordinal);

    public SqliteConnection Connection { get; } = connection;

    /// <summary>The statement for <paramref name="sql"/>, without parameters, in <paramref name="transaction"/>.</summary>
    public SqliteCommand Get(string sql, SqliteTransaction? transaction)
    {
        if (!statements.TryGetValue(sql, out var command))
        {
            if (statements.Count >= MaxStatements)
            {
                throw new InvalidOperationException($"More than {MaxStatements} distinct statements on one connection: SQL must not be built per call.");
            }

            command = SqliteDatabase.Command(Connection, sql);
            statements.Add(sql, command);
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    public void Dispose()
    {
        foreach (var command in statements.Values)
        {
            command.Dispose();
        }

        statements.Clear();
        Connection.Dispose();
    }
}
