using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Input;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Referrals;

/// <summary>Sends a referral or cooperation request from a case; 201 with the outgoing copy, 409 consent-required when the gate blocks.</summary>
public sealed class SendReferralFunction(ApiPipeline api, SendReferral send)
{
    [Function("SendReferral")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/referrals")] HttpRequest request,
        string caseId) =>
        api.RunOnCaseAsync(request, UseCase.SendReferral, caseId, async (call, id) =>
        {
            var ct = request.HttpContext.RequestAborted;
            var (body, problem) = await JsonBody.ReadAsync<ReferralInput>(request, api.MaxJsonBodyBytes, ct, JsonBody.Json);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var result = await send.HandleAsync(
                new SendReferral.Command(id, body!.Value, QueryParameters.Header(request, "Idempotency-Key"), body.Hash), call, ct);
            return result.IsSuccess
                ? ReferralResults.Created(result.Value.Referral, result.Value.Replayed, call.Caller)
                : ProblemResult.From(result.Failure);
        });
}
