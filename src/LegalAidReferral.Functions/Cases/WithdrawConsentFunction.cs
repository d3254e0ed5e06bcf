using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Cases;

public sealed class WithdrawConsentFunction(ApiPipeline api, WithdrawConsent withdraw)
{
    [Function("WithdrawConsent")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/consents/{consentId}/withdraw")] HttpRequest request,
        string caseId,
        string consentId) =>
        api.RunOnCaseAsync(request, UseCase.WithdrawConsent, caseId, async (call, id) =>
        {
            var ct = request.HttpContext.RequestAborted;

            if (QueryParameters.Id(consentId) is not { } consent)
            {
                return new ProblemResult(Problem.NotFound("consent"));
            }

            // The body is optional: withdrawing needs no more than the consent's address.
            var (body, problem) = await JsonBody.ReadOptionalAsync(request, api.MaxJsonBodyBytes, new ConsentWithdrawalInput(), ct, JsonBody.Json);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var command = new WithdrawConsent.Command(id, consent, body!.Value, IfMatch.Read(request));
            var result = await withdraw.HandleAsync(command, call, ct);
            return result.IsSuccess
                ? new JsonBodyResult(200, result.Value.Consent) { ETag = ETags.Of(result.Value.Case.Version) }
                : ProblemResult.From(result.Failure);
        });
}
