using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Review;

/// <summary>
/// The adherence indicators of a request, from the read model's cells and its overdue referrals (the
/// CSV route uses it too). It reads every cell of the range's months and every referral overdue now,
/// whatever the request filters, since the month releases it shows figures through are built from
/// whole months (<see cref="ReviewReleases"/> keeps them while the months do not change).
/// </summary>
public sealed class GetAdherence(AccessPolicy access, IReviewStore store, ReviewSettings settings, TimeProvider clock, ReviewReleases releases)
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
        var months = new ReviewQuery(request.Query.FromPeriod, request.Query.ToPeriod);
        var cells = await store.CellsAsync(months, cancellationToken);
        var overdue = await store.OverdueAsync(months, now, cancellationToken);
        return AdherenceReport.Build(cells, overdue, request, settings, now, releases);
    }
}
