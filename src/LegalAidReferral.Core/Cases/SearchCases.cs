using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Cases;

/// <summary>
/// Finds the caller's office's cases by the client's name, aliases or the case reference, with the
/// same filters, paging and audit as <see cref="ListCases"/>. The text comes in a request body so
/// that a name never appears in a URL, where proxies and request telemetry record it.
/// </summary>
public sealed class SearchCases(AccessPolicy access, ListCases list)
{
    public async Task<Result<Page<CaseSummary>>> HandleAsync(CaseSearchInput input, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (access.Admit(UseCase.SearchCases, call.Caller) is { } denied)
        {
            return denied;
        }

        var errors = new ValidationErrors();
        var text = FieldRules.Text(input.Q, "q", FieldLimits.SearchText, errors, required: true);
        var page = PageRequest.From(input.Limit, input.ContinuationToken, errors);
        return await list.ListAsync(call, input.Status, input.Priority, text, page, errors, cancellationToken);
    }
}
