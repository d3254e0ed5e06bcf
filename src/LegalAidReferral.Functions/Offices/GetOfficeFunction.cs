using LegalAidReferral.Core.Access;
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
        api.RunAsync(request, UseCase.GetOffice, async call =>
        {
            var result = await get.HandleAsync(officeId, call, request.HttpContext.RequestAborted);
            // The policy is the part of an office its admin edits, so its version is the ETag to send in If-Match.
            return result.IsSuccess
                ? new JsonBodyResult(200, OfficeResource.Of(result.Value.Office, result.Value.Policy)) { ETag = result.Value.Policy is { } policy ? ETags.Of(policy.Version) : null }
                : ProblemResult.From(result.Failure);
        });
}
