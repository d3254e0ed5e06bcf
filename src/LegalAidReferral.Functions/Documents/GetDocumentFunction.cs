using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Documents;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Documents;

/// <summary>Downloads a document of a case: its bytes as they were uploaded, as an attachment.</summary>
public sealed class GetDocumentFunction(ApiPipeline api, GetDocument get)
{
    [Function("GetDocument")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/documents/{documentId}")] HttpRequest request,
        string caseId,
        string documentId) =>
        api.RunOnCaseAsync(request, UseCase.GetDocument, caseId, async (call, id) =>
            QueryParameters.Id(documentId) is { } document
                ? DocumentResults.Download(await get.HandleAsync(id, document, call, request.HttpContext.RequestAborted))
                : new ProblemResult(Problem.NotFound("document")));
}
