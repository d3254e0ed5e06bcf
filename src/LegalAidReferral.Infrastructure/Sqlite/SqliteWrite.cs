using Microsoft.Data.Sqlite;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// What a queued write works with: the writer's connection, the transaction of the current group
/// commit, and the writer's statements. Each statement is prepared once and kept for the connection's
/// lifetime, since preparing was a third of the writer's time per intake (see docs/performance.md).
/// </summary>
public sealed class SqliteWrite : IDisposable
{
    // Write statements are constant texts, a few dozen at most; more means a caller builds SQL per call.
    private const int MaxStatements = 256;

    private readonly Dictionary<string, SqliteCommand> statements = new(StringComparer.Ordinal);
    private SqliteTransaction? transaction;

    internal SqliteWrite(SqliteConnection connection)
    {
        Connection = connection;
    }

    public SqliteConnection Connection { get; }

    /// <summary>
    /// The prepared statement for <paramref name="sql"/> (constant text), without parameters, in the
    /// current transaction. The writer owns it: use it within the write and do not dispose it.
    /// </summary>
    public SqliteCommand Command(string sql)
    {
        var current = transaction ?? throw new InvalidOperationException("A write statement runs only inside the writer's transaction.");
        if (!statements.TryGetValue(sql, out var command))
        {
            if (statements.Count >= MaxStatements)
            {
                throw new InvalidOperationException($"More than {MaxStatements} distinct write statements: write SQL must be constant text.");
            }

            command = SqliteDatabase.Command(Connection, sql);
            statements.Add(sql, command);
        }

        command.Transaction = current;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>Runs <paramref name="work"/> in a new transaction and commits it if the work returns.</summary>
    internal void InTransaction(Action work)
    {
        using var begun = Connection.BeginTransaction();
        transaction = begun;
        try
        {
            work();
            begun.Commit();
        }
        finally
        {
            transaction = null;
        }
    }

    public void Dispose()
    {
        foreach (var command in statements.Values)
        {
            command.Dispose();
        }

        statements.Clear();
    }
}
