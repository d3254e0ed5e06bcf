using Microsoft.Data.Sqlite;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// A read connection of <see cref="SqliteDatabase"/>'s own pool with its prepared statements. A read
/// borrows one for the length of its work; WAL lets it read beside the writer.
/// </summary>
public sealed class SqliteRead : IDisposable
{
    private readonly StatementCache statements;
    private SqliteTransaction? snapshot;

    internal SqliteRead(SqliteConnection connection)
    {
        statements = new StatementCache(connection);
    }

    /// <summary>The prepared statement for <paramref name="sql"/>, without parameters: use it within the read and do not dispose it.</summary>
    public SqliteCommand Command(string sql) => statements.Get(sql, snapshot);

    /// <summary>Runs <paramref name="work"/> in one read transaction, so all its statements see the same snapshot.</summary>
    public T InSnapshot<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var begun = statements.Connection.BeginTransaction(deferred: true);
        snapshot = begun;
        try
        {
            return work();
        }
        finally
        {
            snapshot = null;
        }
    }

    public void Dispose() => statements.Dispose();
}
