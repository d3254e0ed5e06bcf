using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Cases;

/// <summary>Lists the caller's office's cases, newest first, filtered by status and priority, and paged.</summary>
public sealed class ListCases(AccessPolicy access, ICaseStore store, CaseAuditor auditor)
{
    public sealed record Command(string? Status, string? Priority, PageRequest Page);

    public Task<Result<Page<CaseSummary>>> HandleAsync(Command command, CallContext call, CancellationToken cancellationToken) =>
        access.Admit(UseCase.ListCases, call.Caller) is { } denied
            ? Task.FromResult<Result<Page<CaseSummary>>>(denied)
            : ListAsync(call, command.Status, command.Priority, null, command.Page, new ValidationErrors(), cancellationToken);

    /// <summary>
    /// The listing both routes share, after the role check: the filters are validated into
    /// <paramref name="errors"/> beside what the caller already found, the page is read and every
    /// listed case is audited.
    /// </summary>
    internal async Task<Result<Page<CaseSummary>>> ListAsync(
        CallContext call, string? rawStatus, string? rawPriority, string? text, PageRequest? page, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var status = FieldRules.Enum<CaseStatus>(rawStatus, "status", errors, required: false);
        var priority = FieldRules.Enum<Priority>(rawPriority, "priority", errors, required: false);
        if (errors.Any || page is null)
        {
            return errors.ToFailure();
        }

        var found = await store.ListAsync(call.Caller.OfficeId, new CaseQuery(status, priority, text), page, cancellationToken);
        await auditor.RecordAsync(call, call.Caller.OfficeId, found.Items.Select(c => c.Id).ToArray(), AuditAction.CaseListed, [], cancellationToken);
        return found;
    }
}
