using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Referrals;

/// <summary>The caller's office's open missed-deadline alerts, oldest due first, paged.</summary>
public sealed class ListAlertsFunction(ApiPipeline api, ListAlerts list)
{
    [Function("ListAlerts")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "alerts")] HttpRequest request) =>
        api.RunAsync(request, UseCase.ListAlerts, async call =>
        {
            var (page, problem) = QueryParameters.Page(request);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var result = await list.HandleAsync(page!, call, request.HttpContext.RequestAborted);
            return result.IsSuccess
                ? new JsonBodyResult(200, new Core.Common.Page<AlertResource>(result.Value.Items.Select(AlertResource.Of).ToArray(), result.Value.ContinuationToken))
                : ProblemResult.From(result.Failure);
        });
}
