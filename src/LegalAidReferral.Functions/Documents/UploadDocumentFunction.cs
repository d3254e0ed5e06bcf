using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Documents;
using LegalAidReferral.Functions.Cases;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace LegalAidReferral.Functions.Documents;

/// <summary>Uploads a document to a case (multipart/form-data, streamed to the document store); answers 201 with its record.</summary>
public sealed class UploadDocumentFunction(ApiPipeline api, UploadDocument upload, IOptions<DocumentOptions> documents, IOptions<ApiOptions> limits)
{
    [Function("UploadDocument")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/documents")] HttpRequest request,
        string caseId) =>
        api.RunOnCaseAsync(request, UseCase.UploadDocument, caseId, async (call, id) =>
        {
            var maxBytes = documents.Value.MaxBytes;
            var command = new UploadDocument.Command(id, new MultipartDocumentSource(request, maxBytes), QueryParameters.Header(request, "Idempotency-Key"));
            try
            {
                var result = await upload.HandleAsync(command, call, request.HttpContext.RequestAborted);
                return result.IsSuccess
                    ? new JsonBodyResult(201, DocumentResource.Of(result.Value.Document))
                    {
                        Location = DocumentResource.LocationOf(result.Value.Document),
                        Headers = result.Value.Replayed ? CaseResults.ReplayedHeader : null,
                    }
                    : ProblemResult.From(result.Failure);
            }
            catch (Exception e) when (DocumentResults.BrokenBody(e, maxBytes, limits.Value.BodyReadTimeout) is { } problem)
            {
                return new ProblemResult(problem);
            }
        });
}
