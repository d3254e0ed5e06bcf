using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Offices;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Offices;

public sealed class ListOfficesFunction(ApiPipeline api, ListOffices list)
{
    [Function("ListOffices")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "offices")] HttpRequest request) =>
        api.RunAsync(request, UseCase.ListOffices, async call =>
        {
            var (page, problem) = QueryParameters.Page(request);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var result = await list.HandleAsync(page!, call, request.HttpContext.RequestAborted);
            return result.IsSuccess ? new JsonBodyResult(200, result.Value) : ProblemResult.From(result.Failure);
        });
}
