using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Functions.Cases;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Conflicts;

/// <summary>Runs the conflict check of a case; answers the ranked candidates and the case's new ETag. Takes no body.</summary>
public sealed class RunConflictCheckFunction(ApiPipeline api, RunConflictCheck check)
{
    [Function("RunConflictCheck")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/conflict-check")] HttpRequest request,
        string caseId) =>
        api.RunOnCaseAsync(request, UseCase.RunConflictCheck, caseId, async (call, id) =>
        {
            var result = await check.HandleAsync(new RunConflictCheck.Command(id, IfMatch.Read(request)), call, request.HttpContext.RequestAborted);
            return result.IsSuccess
                ? new JsonBodyResult(200, ConflictCheckResource.Of(result.Value)) { ETag = ETags.Of(result.Value.Case.Version), Location = CaseResults.LocationOf(id) }
                : ProblemResult.From(result.Failure);
        });
}
