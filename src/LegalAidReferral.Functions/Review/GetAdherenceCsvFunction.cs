using System.Text;
using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Review;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Review;

/// <summary>The same indicators as CSV (docs/review.md names the columns), as a download.</summary>
public sealed class GetAdherenceCsvFunction(ApiPipeline api, GetAdherence adherence, ReviewSettings settings, TimeProvider clock)
{
    [Function("GetAdherenceCsv")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review/adherence.csv")] HttpRequest request) =>
        api.RunAsync(request, UseCase.GetAdherence, async call =>
        {
            var (filters, problem) = ReviewParameters.Read(request, settings, clock.GetUtcNow(), categories: true);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var result = await adherence.HandleAsync(filters!, call, request.HttpContext.RequestAborted);
            if (!result.IsSuccess)
            {
                return ProblemResult.From(result.Failure);
            }

            request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"adherence-{result.Value.From}-{result.Value.To}.csv\"";
            return new BytesResult(Encoding.UTF8.GetBytes(AdherenceCsv.Write(result.Value)), "text/csv; charset=utf-8; header=present");
        });
}
