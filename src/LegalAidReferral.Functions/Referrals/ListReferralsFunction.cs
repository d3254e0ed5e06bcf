using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Referrals;

/// <summary>The caller's office's incoming or outgoing referrals (<c>direction</c> is required), newest first, paged.</summary>
public sealed class ListReferralsFunction(ApiPipeline api, ListReferrals list)
{
    [Function("ListReferrals")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "referrals")] HttpRequest request) =>
        api.RunAsync(request, UseCase.ListReferrals, async call =>
        {
            var errors = new ValidationErrors();
            var direction = ReferralDirection.Incoming;
            if (QueryParameters.Text(request, "direction") is not { } directionText || !Kebab<ReferralDirection>.TryParse(directionText, out direction))
            {
                errors.Add("direction", $"Required. Allowed values: {Kebab<ReferralDirection>.Allowed}.");
            }

            ReferralStatus? status = null;
            if (QueryParameters.Text(request, "status") is { } statusText)
            {
                if (Kebab<ReferralStatus>.TryParse(statusText, out var parsed))
                {
                    status = parsed;
                }
                else
                {
                    errors.Add("status", $"Unknown value. Allowed values: {Kebab<ReferralStatus>.Allowed}.");
                }
            }

            if (errors.Any)
            {
                return ProblemResult.From(errors.ToFailure());
            }

            var (page, pageProblem) = QueryParameters.Page(request);
            if (pageProblem is not null)
            {
                return new ProblemResult(pageProblem);
            }

            var result = await list.HandleAsync(new ReferralQuery(direction, status), page!, call, request.HttpContext.RequestAborted);
            return result.IsSuccess
                ? new JsonBodyResult(200, new Page<ReferralResource>(result.Value.Items.Select(r => ReferralResource.Of(r, call.Caller)).ToArray(), result.Value.ContinuationToken))
                : ProblemResult.From(result.Failure);
        });
}
