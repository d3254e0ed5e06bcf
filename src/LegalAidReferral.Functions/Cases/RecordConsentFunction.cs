using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Cases;

/// <summary>Records a consent; answers 201 with the consent and the case's new ETag.</summary>
public sealed class RecordConsentFunction(ApiPipeline api, RecordConsent record)
{
    [Function("RecordConsent")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/consents")] HttpRequest request,
        string caseId) =>
        api.RunOnCaseAsync(request, UseCase.RecordConsent, caseId, async (call, id) =>
        {
            var ct = request.HttpContext.RequestAborted;

            var (body, problem) = await JsonBody.ReadAsync<ConsentInput>(request, api.MaxJsonBodyBytes, ct, JsonBody.Json);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var command = new RecordConsent.Command(
                id, body!.Value, IfMatch.Read(request), QueryParameters.Header(request, "Idempotency-Key"), body.Hash);
            var result = await record.HandleAsync(command, call, ct);
            return result.IsSuccess
                ? new JsonBodyResult(201, result.Value.Consent)
                {
                    ETag = ETags.Of(result.Value.Case.Version),
                    Location = CaseResults.LocationOf(id),
                    Headers = result.Value.Replayed ? CaseResults.ReplayedHeader : null,
                }
                : ProblemResult.From(result.Failure);
        });
}
