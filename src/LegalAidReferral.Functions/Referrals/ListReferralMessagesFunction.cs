using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Referrals;

/// <summary>The thread of the caller's office's copy, oldest first, paged; 404 for any other office's referral.</summary>
public sealed class ListReferralMessagesFunction(ApiPipeline api, ListReferralMessages list)
{
    [Function("ListReferralMessages")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "referrals/{referralId}/messages")] HttpRequest request,
        string referralId) =>
        api.RunOnReferralAsync(request, UseCase.ListReferralMessages, referralId, async (call, id) =>
        {
            var (page, problem) = QueryParameters.Page(request);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var result = await list.HandleAsync(id, page!, call, request.HttpContext.RequestAborted);
            return result.IsSuccess
                ? new JsonBodyResult(200, new Page<ThreadMessageResource>(result.Value.Items.Select(ThreadMessageResource.Of).ToArray(), result.Value.ContinuationToken))
                : ProblemResult.From(result.Failure);
        });
}
