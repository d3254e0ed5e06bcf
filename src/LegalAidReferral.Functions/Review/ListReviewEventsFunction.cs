using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Review;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Review;

/// <summary>The pseudonymous protocol events of the filters, oldest first, paged; never their categories.</summary>
public sealed class ListReviewEventsFunction(ApiPipeline api, ListReviewEvents events, ReviewSettings settings, TimeProvider clock)
{
    [Function("ListReviewEvents")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review/events")] HttpRequest request) =>
        api.RunAsync(request, UseCase.ListReviewEvents, async call =>
        {
            var (filters, problem) = ReviewParameters.Read(request, settings, clock.GetUtcNow(), categories: false);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var (page, pageProblem) = QueryParameters.Page(request);
            if (pageProblem is not null)
            {
                return new ProblemResult(pageProblem);
            }

            var result = await events.HandleAsync(filters!.Query, page!, call, request.HttpContext.RequestAborted);
            return result.IsSuccess
                ? new JsonBodyResult(200, new Page<ReviewEventResource>(result.Value.Items.Select(ReviewEventResource.Of).ToArray(), result.Value.ContinuationToken))
                : ProblemResult.From(result.Failure);
        });
}
