using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Functions.Tests.Chat;

/// <summary>The audit trail, except that the first record holding an entry of <paramref name="action"/> fails (and writes nothing).</summary>
public sealed class AuditFailingOnce(IAuditTrail trail, AuditAction action) : IAuditTrail
{
    private int failed;

    public Task RecordAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken) =>
        entries.Any(e => e.Action == action) && Interlocked.Exchange(ref failed, 1) == 0
            ? throw new IOException("The audit trail is not reachable.")
            : trail.RecordAsync(entries, cancellationToken);

    public Task<Page<AuditEntry>> ListForCaseAsync(string officeId, Guid caseId, PageRequest page, CancellationToken cancellationToken) =>
        trail.ListForCaseAsync(officeId, caseId, page, cancellationToken);
}
