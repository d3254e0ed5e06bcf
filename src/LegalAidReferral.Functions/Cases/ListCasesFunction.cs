using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Cases;

public sealed class ListCasesFunction(ApiPipeline api, ListCases list)
{
    [Function("ListCases")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases")] HttpRequest request) =>
        api.RunAsync(request, UseCase.ListCases, async call =>
        {
            // A name in a URL is recorded by proxies and request telemetry: search has its own POST route.
            if (request.Query.ContainsKey("q"))
            {
                return new ProblemResult(Problem.Invalid("q", "Search by name with POST /api/cases/search; names are never sent in a URL."));
            }

            var (page, problem) = QueryParameters.Page(request);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var command = new ListCases.Command(QueryParameters.Text(request, "status"), QueryParameters.Text(request, "priority"), page!);
            var result = await list.HandleAsync(command, call, request.HttpContext.RequestAborted);
            return result.IsSuccess ? new JsonBodyResult(200, result.Value) : ProblemResult.From(result.Failure);
        });
}
