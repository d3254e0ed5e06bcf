using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Triage;
using LegalAidReferral.Core.Triage.Input;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Triage;

/// <summary>Evaluates a case against its office's policy and answers the stored result in the caller's language.</summary>
public sealed class RunTriageFunction(ApiPipeline api, RunTriage run)
{
    [Function("RunTriage")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/triage")] HttpRequest request,
        string caseId) =>
        api.RunOnCaseAsync(request, UseCase.RunTriage, caseId, async (call, id) =>
        {
            var ct = request.HttpContext.RequestAborted;

            // The body is optional; when one is sent it must be an empty JSON object.
            var (_, problem) = await JsonBody.ReadOptionalAsync(request, api.MaxJsonBodyBytes, new TriageRequestInput(), ct, JsonBody.Json);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var result = await run.HandleAsync(new RunTriage.Command(id, IfMatch.Read(request)), call, ct);
            return result.IsSuccess ? TriageResults.Ok(result.Value, request) : ProblemResult.From(result.Failure);
        });
}
