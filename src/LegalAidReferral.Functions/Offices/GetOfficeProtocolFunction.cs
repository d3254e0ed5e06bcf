using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Referrals.Protocol;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Offices;

/// <summary>An office's current protocol settings; the ETag is their version, to send in If-Match when changing them.</summary>
public sealed class GetOfficeProtocolFunction(ApiPipeline api, GetProtocolSettings get)
{
    [Function("GetOfficeProtocol")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "offices/{officeId}/protocol")] HttpRequest request,
        string officeId) =>
        api.RunOnOfficeAsync(request, UseCase.GetProtocolSettings, officeId, async call =>
        {
            var result = await get.HandleAsync(officeId, call, request.HttpContext.RequestAborted);
            return result.IsSuccess ? new JsonBodyResult(200, result.Value) { ETag = ETags.Of(result.Value.Version) } : ProblemResult.From(result.Failure);
        });
}
