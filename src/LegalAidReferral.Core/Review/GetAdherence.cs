using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Review;

/// <summary>The adherence indicators of a request, from the read model's cells and its overdue referrals (the CSV route uses it too).</summary>
public sealed class GetAdherence(AccessPolicy access, IReviewStore store, ReviewSettings settings, TimeProvider clock)
{
    public async Task<Result<AdherenceReport>> HandleAsync(AdherenceRequest request, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(call);
        if (access.Admit(UseCase.GetAdherence, call.Caller) is { } denied)
        {
            return denied;
        }

        var now = clock.GetUtcNow();
        var cells = await store.CellsAsync(request.Query, cancellationToken);
        var overdue = await store.OverdueAsync(request.Query, now, cancellationToken);
        return AdherenceReport.Build(cells, overdue, request, settings, now);
    }
}
