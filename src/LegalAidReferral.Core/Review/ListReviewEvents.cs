using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Review;

/// <summary>The pseudonymous protocol events of a query, oldest first, paged, without their categories.</summary>
public sealed class ListReviewEvents(AccessPolicy access, IReviewStore store)
{
    public async Task<Result<Page<ReviewedEvent>>> HandleAsync(ReviewQuery query, PageRequest page, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (access.Admit(UseCase.ListReviewEvents, call.Caller) is { } denied)
        {
            return denied;
        }

        return await store.EventsAsync(query, page, cancellationToken);
    }
}
