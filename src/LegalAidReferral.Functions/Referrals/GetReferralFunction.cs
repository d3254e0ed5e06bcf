using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Referrals;

/// <summary>The caller's office's copy of a referral, with its ETag; any other is 404.</summary>
public sealed class GetReferralFunction(ApiPipeline api, GetReferral get)
{
    [Function("GetReferral")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "referrals/{referralId}")] HttpRequest request,
        string referralId) =>
        api.RunOnReferralAsync(request, UseCase.GetReferral, referralId, async (call, id) =>
        {
            var result = await get.HandleAsync(id, call, request.HttpContext.RequestAborted);
            return result.IsSuccess ? ReferralResults.Ok(result.Value, call.Caller) : ProblemResult.From(result.Failure);
        });
}
