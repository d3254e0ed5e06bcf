using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Core.Conflicts.Input;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Conflicts;

/// <summary>Records the outcome of the case's conflict check; answers the case's conflict check and its new ETag.</summary>
public sealed class RecordConflictOutcomeFunction(ApiPipeline api, RecordConflictOutcome record)
{
    [Function("RecordConflictOutcome")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "cases/{caseId}/conflict-check/outcome")] HttpRequest request,
        string caseId) =>
        api.RunOnCaseAsync(request, UseCase.RecordConflictOutcome, caseId, async (call, id) =>
        {
            var ct = request.HttpContext.RequestAborted;

            var (body, problem) = await JsonBody.ReadAsync<ConflictOutcomeInput>(request, api.MaxJsonBodyBytes, ct, JsonBody.Json);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var result = await record.HandleAsync(new RecordConflictOutcome.Command(id, body!.Value, IfMatch.Read(request)), call, ct);
            return result.IsSuccess
                ? new JsonBodyResult(200, result.Value.ConflictCheck) { ETag = ETags.Of(result.Value.Version) }
                : ProblemResult.From(result.Failure);
        });
}
