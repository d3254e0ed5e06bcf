using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Offices;

/// <summary>The network directory, paged by office id. Every signed-in role may read it.</summary>
public sealed class ListOffices(AccessPolicy access, IOfficeDirectory directory)
{
    public async Task<Result<Page<Office>>> HandleAsync(PageRequest page, CallContext call, CancellationToken cancellationToken)
    {
        if (access.Admit(UseCase.ListOffices, call.Caller) is { } denied)
        {
            return denied;
        }

        var all = await directory.ListAsync(cancellationToken);
        var after = page.ContinuationToken is null ? null : ContinuationTokens.Decode(page.ContinuationToken);
        if (page.ContinuationToken is not null && after is null)
        {
            return Failure.Invalid("continuationToken", "The continuation token is not valid.");
        }

        var items = all.Where(o => after is null || string.CompareOrdinal(o.Id, after) > 0).Take(page.Limit + 1).ToList();
        var next = items.Count > page.Limit ? ContinuationTokens.Encode(items[page.Limit - 1].Id) : null;
        return new Page<Office>(items.Take(page.Limit).ToArray(), next);
    }
}
