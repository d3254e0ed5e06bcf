namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>A write queued for the writer loop, completed only after its transaction commits.</summary>
internal abstract class PendingWrite
{
    /// <summary>Cancels the caller's task if the caller gave up before the write ran; true if so.</summary>
    public abstract bool TryCancel();

    public abstract void Run(SqliteWrite write);

    public abstract void Complete();

    public abstract void Fail(Exception exception);
}

internal sealed class PendingWrite<T>(Func<SqliteWrite, T> work, CancellationToken cancellationToken) : PendingWrite
{
    private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? result;

    public Task<T> Task => completion.Task;

    public override bool TryCancel() => cancellationToken.IsCancellationRequested && completion.TrySetCanceled(cancellationToken);

    public override void Run(SqliteWrite write) => result = work(write);

    public override void Complete() => completion.TrySetResult(result!);

    public override void Fail(Exception exception) => completion.TrySetException(exception);
}
