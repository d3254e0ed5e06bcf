using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using LegalAidReferral.Infrastructure.Files;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// The SQLite file of the standalone host. Reads borrow connections from a pool of their own, each
/// keeping its prepared statements; WAL lets them run beside the writer. Writes are queued to one loop on one long-lived connection (SQLite admits one writer at
/// a time anyway), which commits whatever has queued up in one transaction (group commit): each write
/// runs in a savepoint of its own, so a write that fails is undone alone, and each caller is answered
/// only after the commit that made its write durable. Checkpoints run in the background
/// (<see cref="SqliteCheckpointer"/>), not inside the writer's commits.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    public const string FileName = "legalaidreferral.db";

    private const int BusyTimeoutMilliseconds = 5000;
    private const int MaxWritesPerCommit = 512;

    // Pragmas live per physical connection; the pool hands the same handle out many times.
    private readonly ConditionalWeakTable<sqlite3, object> configuredHandles = new();
    private readonly SemaphoreSlim lifecycle = new(1, 1);
    private readonly ConcurrentBag<SqliteRead> idleReads = [];
    private readonly Channel<PendingWrite> writes = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string connectionPragmas;
    private SqliteWrite? writer;
    private SqliteCheckpointer? checkpointer;
    private Task? writeLoop;
    private volatile bool disposed;

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

    /// <summary>How many background checkpoints have run since the database was opened.</summary>
    public long Checkpoints => checkpointer?.Completed ?? 0;

    /// <summary>Creates the schema if needed. Call once at start, before any store is used.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await lifecycle.WaitAsync(cancellationToken);
        try
        {
            if (writer is not null)
            {
                return;
            }

            var connection = Open();
            var write = new SqliteWrite(connection);
            try
            {
                Execute(connection, "PRAGMA journal_mode=WAL;");
                Execute(connection, $"PRAGMA wal_autocheckpoint={SqliteCheckpointer.WriterBackstopPages};");
                Execute(connection, SqliteSchema.Create);
                Upgrade(write);
            }
            catch
            {
                write.Dispose();
                connection.Dispose();
                throw;
            }

            writer = write;
            checkpointer = new SqliteCheckpointer(Open());
            writeLoop = Task.Run(WriteLoopAsync, CancellationToken.None);
        }
        finally
        {
            lifecycle.Release();
        }
    }

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var one = Read(read => read.Command("SELECT 1;").ExecuteScalar(), cancellationToken);
            return Task.FromResult(one is 1L);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or IOException)
        {
            return Task.FromResult(false);
        }
    }

    /// <summary>Runs <paramref name="work"/> on a read connection that no other work uses meanwhile.</summary>
    public T Read<T>(Func<SqliteRead, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        cancellationToken.ThrowIfCancellationRequested();
        EnsureInitialized();
        var read = idleReads.TryTake(out var idle) ? idle : new SqliteRead(Open());
        try
        {
            return work(read);
        }
        finally
        {
            idleReads.Add(read);
            if (disposed)
            {
                CloseIdleReads();
            }
        }
    }

    /// <summary>
    /// Queues <paramref name="work"/> for the writer, which runs it in the transaction of the next group
    /// commit; the task completes after that commit. Every statement of the work must come from
    /// <see cref="SqliteWrite.Command"/>, and the work must not commit. A work that throws is undone
    /// alone and its task fails; one cancelled before it runs does not run.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteWrite, T> work, CancellationToken cancellationToken)
    {
        EnsureInitialized();
        var pending = new PendingWrite<T>(work, cancellationToken);
        if (!writes.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteDatabase));
        }

        return pending.Task;
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

        await lifecycle.WaitAsync();
        try
        {
            disposed = true;
            writes.Writer.TryComplete();
            if (writeLoop is not null)
            {
                await writeLoop;
            }

            if (checkpointer is not null)
            {
                await checkpointer.DisposeAsync();
                checkpointer = null;
            }

            if (writer is not null)
            {
                writer.Dispose();
                writer = null;
            }

            CloseIdleReads();

            // Pooled connections would otherwise keep the file open after the host is gone.
            using var poolKey = new SqliteConnection(ConnectionString);
            SqliteConnection.ClearPool(poolKey);
        }
        finally
        {
            lifecycle.Release();
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxWritesPerCommit);
        while (await writes.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxWritesPerCommit && writes.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            checkpointer!.Committed(Commit(writer!, batch));
            batch.Clear();
        }
    }

    /// <returns>How many writes the commit stored.</returns>
    private static int Commit(SqliteWrite write, List<PendingWrite> batch)
    {
        var done = new List<PendingWrite>(batch.Count);
        try
        {
            write.InTransaction(() =>
            {
                foreach (var pending in batch)
                {
                    if (pending.TryCancel())
                    {
                        continue;
                    }

                    write.Command("SAVEPOINT write;").ExecuteNonQuery();
                    try
                    {
                        pending.Run(write);
                        write.Command("RELEASE write;").ExecuteNonQuery();
                        done.Add(pending);
                    }
                    catch (Exception e)
                    {
                        write.Command("ROLLBACK TO write; RELEASE write;").ExecuteNonQuery();
                        pending.Fail(e);
                    }
                }
            });
        }
        catch (Exception e)
        {
            // The transaction itself failed (disk full, I/O error): nothing of the batch was stored. A
            // write already answered (failed or cancelled) keeps its answer.
            foreach (var pending in batch)
            {
                pending.Fail(e);
            }

            return 0;
        }

        foreach (var pending in done)
        {
            pending.Complete();
        }

        return done.Count;
    }

    private void CloseIdleReads()
    {
        while (idleReads.TryTake(out var read))
        {
            read.Dispose();
        }
    }

    private SqliteWrite EnsureInitialized()
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
    private static void Upgrade(SqliteWrite write) =>
        write.InTransaction(() =>
        {
            if ((long)write.Command("PRAGMA user_version;").ExecuteScalar()! >= SqliteSchema.Version)
            {
                return;
            }

            SqlitePartyRows.IndexAllCases(write);
            write.Command($"PRAGMA user_version = {SqliteSchema.Version};").ExecuteNonQuery();
        });

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        command.ExecuteNonQuery();
    }
}
