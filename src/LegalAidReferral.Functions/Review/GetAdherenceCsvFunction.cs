using System.Text;
using LegalAidReferral.Core.Review;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Review;

/// <summary>The same indicators as CSV (docs/review.md names the columns), as a download.</summary>
public sealed class GetAdherenceCsvFunction(AdherenceRoute route)
{
    [Function("GetAdherenceCsv")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review/adherence.csv")] HttpRequest request) =>
        route.RunAsync(request, report =>
        {
            request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"adherence-{report.From}-{report.To}.csv\"";
            return new BytesResult(Encoding.UTF8.GetBytes(AdherenceCsv.Write(report)), "text/csv; charset=utf-8; header=present");
        });
}
