using System.Threading.Channels;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using Microsoft.Data.Sqlite;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// The audit trail, written with group commit: every case read appends a row, so callers queue their
/// entries and one drain loop inserts whatever has queued up in a single transaction, completing each
/// caller only after that commit. Under load this turns thousands of commits a second into a few.
/// </summary>
public sealed class SqliteAuditTrail : IAuditTrail, IAsyncDisposable
{
    private const int MaxEntriesPerCommit = 2048;

    private readonly SqliteDatabase database;
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task drain;

    public SqliteAuditTrail(SqliteDatabase database)
    {
        this.database = database;
        drain = Task.Run(DrainAsync);
    }

    public Task RecordAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }

        var pending = new Pending(entries.Select(AuditRow.Of).ToArray());
        if (!queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteAuditTrail));
        }

        // A cancelled caller stops waiting, but its entries are still written: an access happened.
        return pending.Committed.Task.WaitAsync(cancellationToken);
    }

    public Task<Page<AuditEntry>> ListForCaseAsync(string officeId, Guid caseId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var after = KeysetPosition.Parse(page.ContinuationToken);
        var take = KeysetPosition.Take(page);
        var sql = after is null
            ? "SELECT * FROM audit WHERE office_id = $office AND case_id = $case ORDER BY at, id LIMIT $take;"
            : "SELECT * FROM audit WHERE office_id = $office AND case_id = $case AND (at > $afterAt OR (at = $afterAt AND id > $afterId)) ORDER BY at, id LIMIT $take;";
        return Task.FromResult(database.Read(
            connection =>
            {
                using var command = SqliteDatabase.Command(connection, sql);
                command.Parameters.AddWithValue("$office", officeId);
                command.Parameters.AddWithValue("$case", caseId.ToString("D"));
                command.Parameters.AddWithValue("$take", take + 1);
                if (after is { } position)
                {
                    command.Parameters.AddWithValue("$afterAt", position.Ticks);
                    command.Parameters.AddWithValue("$afterId", position.Id);
                }

                return KeysetPosition.ReadPage(command, take, reader =>
                {
                    var row = AuditRow.Read(reader);
                    return (new KeysetPosition(row.At, row.Id), row.ToEntry());
                });
            },
            cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await drain;
    }

    private async Task DrainAsync()
    {
        var batch = new List<Pending>();
        while (await queue.Reader.WaitToReadAsync())
        {
            var entries = 0;
            while (entries < MaxEntriesPerCommit && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                entries += pending.Rows.Count;
            }

            await CommitAsync(batch);
            batch.Clear();
        }
    }

    private async Task CommitAsync(IReadOnlyList<Pending> batch)
    {
        try
        {
            await database.WriteAsync(connection => Insert(connection, batch), CancellationToken.None);
        }
        catch (Exception) when (batch.Count > 1)
        {
            // One caller's bad entry must not fail the others: retry each caller on its own.
            foreach (var pending in batch)
            {
                await CommitAsync([pending]);
            }

            return;
        }
        catch (Exception e)
        {
            batch[0].Committed.TrySetException(e);
            return;
        }

        foreach (var pending in batch)
        {
            pending.Committed.TrySetResult();
        }
    }

    private static bool Insert(SqliteConnection connection, IReadOnlyList<Pending> batch)
    {
        using var transaction = connection.BeginTransaction();
        AuditRow.Insert(connection, transaction, batch.SelectMany(p => p.Rows));
        transaction.Commit();
        return true;
    }

    private sealed record Pending(IReadOnlyList<AuditRow> Rows)
    {
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
