using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Cases;

/// <summary>Search by name: a POST so that the name travels in the body, never in the URL.</summary>
public sealed class SearchCasesFunction(ApiPipeline api, SearchCases search)
{
    [Function("SearchCases")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/search")] HttpRequest request) =>
        api.RunAsync(request, UseCase.SearchCases, async call =>
        {
            var ct = request.HttpContext.RequestAborted;
            var (body, problem) = await JsonBody.ReadAsync<CaseSearchInput>(request, api.MaxJsonBodyBytes, ct, JsonBody.Json);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var result = await search.HandleAsync(body!.Value, call, ct);
            return result.IsSuccess ? new JsonBodyResult(200, result.Value) : ProblemResult.From(result.Failure);
        });
}
