using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Documents;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Documents;

/// <summary>The receiving office downloads a document the referral names, through its own copy of the referral.</summary>
public sealed class GetReferralDocumentFunction(ApiPipeline api, GetReferralDocument get)
{
    [Function("GetReferralDocument")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "referrals/{referralId}/documents/{documentId}")] HttpRequest request,
        string referralId,
        string documentId) =>
        api.RunOnReferralAsync(request, UseCase.GetReferralDocument, referralId, async (call, id) =>
            QueryParameters.Id(documentId) is { } document
                ? DocumentResults.Download(await get.HandleAsync(id, document, call, request.HttpContext.RequestAborted))
                : new ProblemResult(Problem.NotFound("document")));
}
