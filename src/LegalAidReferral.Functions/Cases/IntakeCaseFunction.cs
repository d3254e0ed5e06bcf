using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Cases;

public sealed class IntakeCaseFunction(ApiPipeline api, IntakeCase intake)
{
    [Function("IntakeCase")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases")] HttpRequest request) =>
        api.RunAsync(request, UseCase.IntakeCase, async call =>
        {
            var ct = request.HttpContext.RequestAborted;
            var (body, problem) = await JsonBody.ReadAsync<IntakeInput>(request, api.MaxJsonBodyBytes, ct, JsonBody.Json);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var command = new IntakeCase.Command(body!.Value, QueryParameters.Header(request, "Idempotency-Key"), body.Hash);
            var result = await intake.HandleAsync(command, call, ct);
            return result.IsSuccess
                ? CaseResults.Created(result.Value.Case, result.Value.Replayed, request)
                : ProblemResult.From(result.Failure);
        });
}
