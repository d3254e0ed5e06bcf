using System.Runtime.CompilerServices;
using LegalAidReferral.Infrastructure.Files;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// The SQLite file of the standalone host. Reads use pooled connections, which WAL lets run beside
/// the writer. Writes go through one long-lived connection behind an async gate: SQLite admits one
/// writer at a time anyway, and waiting on the gate is far cheaper than SQLite's sleeping busy handler.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    public const string FileName = "legalaidreferral.db";

    private const int BusyTimeoutMilliseconds = 5000;

    // Pragmas live per physical connection; the pool hands the same handle out many times.
    private readonly ConditionalWeakTable<sqlite3, object> configuredHandles = new();
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly string connectionPragmas;
    private SqliteConnection? writer;
    private bool disposed;

    public SqliteDatabase(SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DataFolder);
        OwnerOnly.CreateFolder(options.DataFolder);
        FilePath = Path.Combine(Path.GetFullPath(options.DataFolder), FileName);

        // SQLite creates the -wal and -shm files with the database file's mode, so creating the
        // database owner-only before it opens keeps all three private.
        OwnerOnly.EnsureFile(FilePath);
        OwnerOnly.Restrict(FilePath + "-wal");
        OwnerOnly.Restrict(FilePath + "-shm");
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
        connectionPragmas =
            $"PRAGMA busy_timeout={BusyTimeoutMilliseconds}; PRAGMA synchronous={(options.SynchronousFull ? "FULL" : "NORMAL")};";
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>Creates the schema if needed. Call once at start, before any store is used.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            if (writer is not null)
            {
                return;
            }

            var connection = Open();
            try
            {
                Execute(connection, "PRAGMA journal_mode=WAL;");
                Execute(connection, SqliteSchema.Create);
                Upgrade(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }

            writer = connection;
        }
        finally
        {
            writeGate.Release();
        }
    }

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var one = Read(
                connection =>
                {
                    using var command = Command(connection, "SELECT 1;");
                    return command.ExecuteScalar();
                },
                cancellationToken);
            return Task.FromResult(one is 1L);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or IOException)
        {
            return Task.FromResult(false);
        }
    }

    /// <summary>Runs <paramref name="work"/> on a pooled connection of its own.</summary>
    public T Read<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EnsureInitialized();
        using var connection = Open();
        return work(connection);
    }

    /// <summary>Runs <paramref name="work"/> on the single writer connection, one caller at a time.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        var connection = EnsureInitialized();
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            return work(connection);
        }
        finally
        {
            writeGate.Release();
        }
    }

    internal static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        await writeGate.WaitAsync();
        try
        {
            disposed = true;
            if (writer is not null)
            {
                await writer.DisposeAsync();
                writer = null;
            }

            // Pooled connections would otherwise keep the file open after the host is gone.
            using var poolKey = new SqliteConnection(ConnectionString);
            SqliteConnection.ClearPool(poolKey);
        }
        finally
        {
            writeGate.Release();
        }
    }

    private SqliteConnection EnsureInitialized()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return writer ?? throw new InvalidOperationException(
            $"The SQLite database at '{FilePath}' is not initialized: call {nameof(InitializeAsync)} at start.");
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            connection.Open();
            if (!configuredHandles.TryGetValue(connection.Handle!, out _))
            {
                Execute(connection, connectionPragmas);
                configuredHandles.AddOrUpdate(connection.Handle!, this);
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Fills the tables derived from the cases that an older database lacks, in one transaction with
    /// the new version number, so an interrupted upgrade is simply done again at the next start.
    /// </summary>
    private static void Upgrade(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        using var version = Command(connection, "PRAGMA user_version;", transaction);
        if ((long)version.ExecuteScalar()! >= SqliteSchema.Version)
        {
            return;
        }

        SqlitePartyRows.IndexAllCases(connection, transaction);
        using var upgraded = Command(connection, $"PRAGMA user_version = {SqliteSchema.Version};", transaction);
        upgraded.ExecuteNonQuery();
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        command.ExecuteNonQuery();
    }
}
