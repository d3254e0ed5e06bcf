using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Cases;

/// <summary>
/// Read-modify-write of one case the caller may reach (<see cref="CaseReader"/>), with optimistic
/// concurrency. With an expected version the current version must match it (else a stale-version
/// failure); without one, a lost race is retried on fresh data. A lost race is always read again, so
/// the expectation is checked against the winner. The audit entries of the change are written with it,
/// in the same atomic write; a change that returns the case unchanged writes nothing and records nothing.
/// </summary>
public sealed class CaseMutation(ICaseStore store, CaseReader reader)
{
    private const int MaxAttempts = 5;

    public Task<Result<(Case Before, Case After)>> ApplyAsync(
        UseCase useCase,
        Caller caller,
        Guid caseId,
        ExpectedVersion? expected,
        Func<Case, Result<Case>> change,
        Func<Case, Case, IReadOnlyList<AuditEntry>> audit,
        CancellationToken cancellationToken) =>
        ApplyAsync(useCase, caller, caseId, expected, (current, _) => Task.FromResult(change(current)), audit, cancellationToken);

    /// <summary>As the other overload, for a change that has to read something first; it runs again on each retry.</summary>
    public async Task<Result<(Case Before, Case After)>> ApplyAsync(
        UseCase useCase,
        Caller caller,
        Guid caseId,
        ExpectedVersion? expected,
        Func<Case, CancellationToken, Task<Result<Case>>> change,
        Func<Case, Case, IReadOnlyList<AuditEntry>> audit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        for (var attempt = 1; ; attempt++)
        {
            var found = await reader.FindAsync(useCase, caller, caseId, cancellationToken);
            if (!found.IsSuccess)
            {
                return found.Failure;
            }

            var current = found.Value;
            if (expected is not null && !expected.Matches(current.Version))
            {
                return Failure.StaleVersion();
            }

            var changed = await change(current, cancellationToken);
            if (!changed.IsSuccess)
            {
                return changed.Failure;
            }

            if (ReferenceEquals(changed.Value, current)
                || await store.TryReplaceAsync(changed.Value, current.Version, audit(current, changed.Value), cancellationToken))
            {
                return (current, changed.Value);
            }

            if (attempt == MaxAttempts)
            {
                return Failure.StaleVersion();
            }
        }
    }
}
