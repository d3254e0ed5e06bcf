using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Cases;

/// <summary>Lists the caller's office's cases, newest first, filtered and paged.</summary>
public sealed class ListCases(ICaseStore store, CaseAuditor auditor)
{
    public const int MaxTextLength = 100;

    public sealed record Command(string? Status, string? Priority, string? Text, PageRequest Page);

    public async Task<Result<Page<CaseSummary>>> HandleAsync(Command command, CallContext call, CancellationToken cancellationToken)
    {
        if (CaseAccess.Check(call.Actor) is { } denied)
        {
            return denied;
        }

        var errors = new ValidationErrors();
        CaseStatus? status = null;
        Priority? priority = null;
        if (command.Status is not null)
        {
            if (Kebab<CaseStatus>.TryParse(command.Status, out var s))
            {
                status = s;
            }
            else
            {
                errors.Add("status", $"Unknown value. Allowed values: {Kebab<CaseStatus>.Allowed}.");
            }
        }

        if (command.Priority is not null)
        {
            if (Kebab<Priority>.TryParse(command.Priority, out var p))
            {
                priority = p;
            }
            else
            {
                errors.Add("priority", $"Unknown value. Allowed values: {Kebab<Priority>.Allowed}.");
            }
        }

        if (command.Text is { Length: > MaxTextLength })
        {
            errors.Add("q", $"At most {MaxTextLength} characters are allowed.");
        }

        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var text = string.IsNullOrWhiteSpace(command.Text) ? null : command.Text.Trim();
        var page = await store.ListAsync(call.Actor.OfficeId, new CaseQuery(status, priority, text), command.Page, cancellationToken);
        await auditor.RecordAsync(call, call.Actor.OfficeId, page.Items.Select(c => c.Id).ToArray(), AuditAction.CaseListed, [], cancellationToken);
        return page;
    }
}
