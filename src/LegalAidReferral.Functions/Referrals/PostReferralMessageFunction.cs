using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Input;
using LegalAidReferral.Functions.Cases;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Referrals;

/// <summary>Posts a message to the thread of the caller's office's copy; 201 with the message, which reaches the other office through the outbox.</summary>
public sealed class PostReferralMessageFunction(ApiPipeline api, PostReferralMessage post)
{
    [Function("PostReferralMessage")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "referrals/{referralId}/messages")] HttpRequest request,
        string referralId) =>
        api.RunOnReferralAsync(request, UseCase.PostReferralMessage, referralId, async (call, id) =>
        {
            var ct = request.HttpContext.RequestAborted;
            var (body, problem) = await JsonBody.ReadAsync<ReferralMessageInput>(request, api.MaxJsonBodyBytes, ct, JsonBody.Json);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var result = await post.HandleAsync(
                new PostReferralMessage.Command(id, body!.Value, QueryParameters.Header(request, "Idempotency-Key"), body.Hash), call, ct);
            return result.IsSuccess
                ? new JsonBodyResult(201, ThreadMessageResource.Of(result.Value.Message)) { Headers = result.Value.Replayed ? CaseResults.ReplayedHeader : null }
                : ProblemResult.From(result.Failure);
        });
}
