namespace LegalAidReferral.Core.Common;

/// <summary>
/// Adds the next version of a document whose versions are only ever added (an office's triage
/// policy, its protocol settings). A stated <see cref="ExpectedVersion"/> must match the current
/// version (412 otherwise); without one, a concurrent change that took the number first is retried
/// on fresh data a few times before the caller gets 412.
/// </summary>
public static class NextVersion
{
    private const int MaxAttempts = 5;

    /// <param name="current">The current version, or null when there is none.</param>
    /// <param name="build">Builds (and validates) the document with the version it is given.</param>
    /// <param name="tryAdd">Stores it; false when that version exists already.</param>
    public static async Task<Result<T>> AddAsync<T>(
        ExpectedVersion? expected,
        Func<Task<int?>> current,
        Func<int, Result<T>> build,
        Func<T, Task<bool>> tryAdd)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(tryAdd);
        for (var attempt = 1; ; attempt++)
        {
            var version = await current();
            if (expected is not null && !expected.Matches(version))
            {
                return Failure.StaleVersion();
            }

            var next = build((version ?? 0) + 1);
            if (!next.IsSuccess)
            {
                return next.Failure;
            }

            if (await tryAdd(next.Value))
            {
                return next.Value;
            }

            if (attempt == MaxAttempts)
            {
                return Failure.StaleVersion();
            }
        }
    }
}
