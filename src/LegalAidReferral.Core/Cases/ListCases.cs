using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Cases;

/// <summary>Lists the caller's office's cases, newest first, filtered and paged.</summary>
public sealed class ListCases(ICaseStore store, CaseAuditor auditor)
{
    public sealed record Command(string? Status, string? Priority, string? Text, PageRequest Page);

    public async Task<Result<Page<CaseSummary>>> HandleAsync(Command command, CallContext call, CancellationToken cancellationToken)
    {
        if (CaseAccess.Check(call.Actor) is { } denied)
        {
            return denied;
        }

        var errors = new ValidationErrors();
        var status = FieldRules.Enum<CaseStatus>(command.Status, "status", errors, required: false);
        var priority = FieldRules.Enum<Priority>(command.Priority, "priority", errors, required: false);
        var text = FieldRules.Text(command.Text, "q", FieldLimits.SearchText, errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var page = await store.ListAsync(call.Actor.OfficeId, new CaseQuery(status, priority, text), command.Page, cancellationToken);
        await auditor.RecordAsync(call, call.Actor.OfficeId, page.Items.Select(c => c.Id).ToArray(), AuditAction.CaseListed, [], cancellationToken);
        return page;
    }
}
