using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Cases;

public sealed class GetCaseFunction(ApiPipeline api, GetCase get, CaseRepresentations representations)
{
    [Function("GetCase")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}")] HttpRequest request,
        string caseId) =>
        api.RunOnCaseAsync(request, UseCase.GetCase, caseId, async (call, id) =>
        {
            var result = await get.HandleAsync(id, call, request.HttpContext.RequestAborted);
            return result.IsSuccess ? CaseResults.Ok(result.Value, request, representations) : ProblemResult.From(result.Failure);
        });
}
