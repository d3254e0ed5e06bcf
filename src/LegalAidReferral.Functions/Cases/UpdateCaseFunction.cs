using System.Text.Json.Nodes;
using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Cases;

/// <summary>Corrects case details with a JSON Merge Patch (RFC 7396); requires If-Match.</summary>
public sealed class UpdateCaseFunction(ApiPipeline api, UpdateCase update)
{
    [Function("UpdateCase")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "cases/{caseId}")] HttpRequest request,
        string caseId) =>
        api.RunOnCaseAsync(request, UseCase.UpdateCase, caseId, async (call, id) =>
        {
            var ct = request.HttpContext.RequestAborted;

            var (body, problem) = await JsonBody.ReadAsync<JsonObject>(request, api.MaxJsonBodyBytes, ct, JsonBody.MergePatch, JsonBody.Json);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            if (IfMatch.Read(request) is not { } expected)
            {
                return new ProblemResult(Problem.PreconditionRequired());
            }

            var result = await update.HandleAsync(new UpdateCase.Command(id, body!.Value, expected), call, ct);
            return result.IsSuccess ? CaseResults.Ok(result.Value, request) : ProblemResult.From(result.Failure);
        });
}
