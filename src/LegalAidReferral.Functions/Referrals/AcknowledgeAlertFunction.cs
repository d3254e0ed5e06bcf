using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Referrals;

/// <summary>Records that the caller has seen an open alert of their office; 200 with the alert, 404 for any other.</summary>
public sealed class AcknowledgeAlertFunction(ApiPipeline api, AcknowledgeAlert acknowledge)
{
    [Function("AcknowledgeAlert")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "alerts/{alertId}/acknowledge")] HttpRequest request,
        string alertId) =>
        api.RunOnIdAsync(request, UseCase.AcknowledgeAlert, alertId, "alert", async (call, id) =>
        {
            var result = await acknowledge.HandleAsync(id, call, request.HttpContext.RequestAborted);
            return result.IsSuccess ? new JsonBodyResult(200, AlertResource.Of(result.Value)) : ProblemResult.From(result.Failure);
        });
}
