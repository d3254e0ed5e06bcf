using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// Copies the write-ahead log into the database file in the background, on a connection of its own,
/// so that no commit of the writer waits for a checkpoint and its fsyncs. The writer reports what it
/// committed; every <see cref="WritesPerCheckpoint"/> writes a passive checkpoint runs, which never
/// blocks the writer or a reader. The writer's own automatic checkpoint stays on with a large
/// threshold (<see cref="WriterBackstopPages"/>), so the log stays bounded even if these fall behind.
/// </summary>
public sealed class SqliteCheckpointer : IAsyncDisposable
{
    /// <summary>About the 1,000 pages of SQLite's own default for the writes of this schema (5 to 20 pages each).</summary>
    public const int WritesPerCheckpoint = 128;

    public const int WriterBackstopPages = 16_384;

    private readonly Channel<bool> due = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly SqliteConnection connection;
    private readonly Task loop;
    private int writesSinceLast;
    private long completed;

    public SqliteCheckpointer(SqliteConnection connection)
    {
        this.connection = connection ?? throw new ArgumentNullException(nameof(connection));
        loop = Task.Run(RunAsync);
    }

    /// <summary>How many background checkpoints have run.</summary>
    public long Completed => Interlocked.Read(ref completed);

    /// <summary>Called by the write loop (one thread) after each commit with the number of writes it stored.</summary>
    public void Committed(int writes)
    {
        writesSinceLast += writes;
        if (writesSinceLast >= WritesPerCheckpoint)
        {
            writesSinceLast = 0;
            due.Writer.TryWrite(true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        due.Writer.TryComplete();
        await loop;
        await connection.DisposeAsync();
    }

    private async Task RunAsync()
    {
        await foreach (var _ in due.Reader.ReadAllAsync())
        {
            try
            {
                using var command = SqliteDatabase.Command(connection, "PRAGMA wal_checkpoint(PASSIVE);");
                command.ExecuteNonQuery();
            }
            catch (Exception e) when (e is SqliteException or IOException or InvalidOperationException)
            {
                // A checkpoint that cannot run now (the backstop checkpoint of the writer is running, the
                // disk is failing) loses nothing: the log keeps every commit, and the next one retries.
            }

            Interlocked.Increment(ref completed);
        }
    }
}
