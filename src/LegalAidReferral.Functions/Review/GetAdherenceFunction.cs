using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Review;

/// <summary>The adherence indicators of the filters: whole range, each month, by gender and by vulnerable group, small cells suppressed; and the referrals overdue now.</summary>
public sealed class GetAdherenceFunction(AdherenceRoute route)
{
    [Function("GetAdherence")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review/adherence")] HttpRequest request) =>
        route.RunAsync(request, report => new JsonBodyResult(200, report));
}
