using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Review;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace LegalAidReferral.Functions.Review;

/// <summary>What the JSON and the CSV route of the indicators share: the caller, the filters, the report; each writes it its own way.</summary>
public sealed class AdherenceRoute(ApiPipeline api, GetAdherence adherence, ReviewSettings settings, TimeProvider clock)
{
    public Task<IActionResult> RunAsync(HttpRequest request, Func<AdherenceReport, IActionResult> answer) =>
        api.RunAsync(request, UseCase.GetAdherence, async call =>
        {
            var (filters, problem) = ReviewParameters.Read(request, settings, clock.GetUtcNow(), categories: true);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var result = await adherence.HandleAsync(filters!, call, request.HttpContext.RequestAborted);
            return result.IsSuccess ? answer(result.Value) : ProblemResult.From(result.Failure);
        });
}
