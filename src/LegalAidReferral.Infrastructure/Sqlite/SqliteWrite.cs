using Microsoft.Data.Sqlite;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// What a queued write works with: the writer's connection, the transaction of the current group
/// commit, and the writer's prepared statements.
/// </summary>
public sealed class SqliteWrite : IDisposable
{
    private readonly StatementCache statements;
    private SqliteTransaction? transaction;

    internal SqliteWrite(SqliteConnection connection)
    {
        statements = new StatementCache(connection);
    }

    /// <summary>
    /// The prepared statement for <paramref name="sql"/> (constant text), without parameters, in the
    /// current transaction. The writer owns it: use it within the write and do not dispose it.
    /// </summary>
    public SqliteCommand Command(string sql) =>
        statements.Get(sql, transaction ?? throw new InvalidOperationException("A write statement runs only inside the writer's transaction."));

    /// <summary>Runs <paramref name="work"/> in a new transaction and commits it if the work returns.</summary>
    internal void InTransaction(Action work)
    {
        using var begun = statements.Connection.BeginTransaction();
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

    /// <summary>Disposes the statements and closes the writer's connection.</summary>
    public void Dispose() => statements.Dispose();
}
