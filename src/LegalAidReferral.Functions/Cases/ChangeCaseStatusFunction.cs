using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Cases;

public sealed class ChangeCaseStatusFunction(ApiPipeline api, ChangeCaseStatus change)
{
    [Function("ChangeCaseStatus")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/status")] HttpRequest request,
        string caseId) =>
        api.RunOnCaseAsync(request, UseCase.ChangeCaseStatus, caseId, async (call, id) =>
        {
            var ct = request.HttpContext.RequestAborted;

            var (body, problem) = await JsonBody.ReadAsync<StatusChangeInput>(request, api.MaxJsonBodyBytes, ct, JsonBody.Json);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var command = new ChangeCaseStatus.Command(id, body!.Value.To, body.Value.Reason, IfMatch.Read(request));
            var result = await change.HandleAsync(command, call, ct);
            return result.IsSuccess ? CaseResults.Ok(result.Value, request) : ProblemResult.From(result.Failure);
        });
}
