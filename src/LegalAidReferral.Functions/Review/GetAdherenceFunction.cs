using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Review;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Review;

/// <summary>The adherence indicators of the filters: whole range, each month, by gender and by vulnerable group, small cells suppressed; and the referrals overdue now.</summary>
public sealed class GetAdherenceFunction(ApiPipeline api, GetAdherence adherence, ReviewSettings settings, TimeProvider clock)
{
    [Function("GetAdherence")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review/adherence")] HttpRequest request) =>
        api.RunAsync(request, UseCase.GetAdherence, async call =>
        {
            var (filters, problem) = ReviewParameters.Read(request, settings, clock.GetUtcNow(), categories: true);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var result = await adherence.HandleAsync(filters!, call, request.HttpContext.RequestAborted);
            return result.IsSuccess ? new JsonBodyResult(200, result.Value) : ProblemResult.From(result.Failure);
        });
}
