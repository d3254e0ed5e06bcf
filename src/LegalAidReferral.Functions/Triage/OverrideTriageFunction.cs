using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Triage;
using LegalAidReferral.Core.Triage.Input;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Triage;

/// <summary>A supervisor overrides the triage decision with a written reason.</summary>
public sealed class OverrideTriageFunction(ApiPipeline api, OverrideTriage overrideTriage)
{
    [Function("OverrideTriage")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/triage/override")] HttpRequest request,
        string caseId) =>
        api.RunOnCaseAsync(request, UseCase.OverrideTriage, caseId, async (call, id) =>
        {
            var ct = request.HttpContext.RequestAborted;

            var (body, problem) = await JsonBody.ReadAsync<TriageOverrideInput>(request, api.MaxJsonBodyBytes, ct, JsonBody.Json);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var command = new OverrideTriage.Command(id, body!.Value, IfMatch.Read(request));
            var result = await overrideTriage.HandleAsync(command, call, ct);
            return result.IsSuccess ? TriageResults.Ok(result.Value, request) : ProblemResult.From(result.Failure);
        });
}
