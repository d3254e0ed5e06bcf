using LegalAidReferral.Core.Offices;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Offices;

public sealed class GetOfficeFunction(ApiPipeline api, GetOffice get)
{
    [Function("GetOffice")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "offices/{officeId}")] HttpRequest request,
        string officeId) =>
        api.RunAsync(request, async call =>
        {
            var result = await get.HandleAsync(officeId, call, request.HttpContext.RequestAborted);
            return result.IsSuccess ? new JsonBodyResult(200, result.Value) : ProblemResult.From(result.Failure);
        });
}
