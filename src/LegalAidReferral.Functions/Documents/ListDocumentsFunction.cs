using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Documents;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Documents;

/// <summary>The documents of a case, oldest first, paged.</summary>
public sealed class ListDocumentsFunction(ApiPipeline api, ListDocuments list)
{
    [Function("ListDocuments")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/documents")] HttpRequest request,
        string caseId) =>
        api.RunOnCaseAsync(request, UseCase.ListDocuments, caseId, async (call, id) =>
        {
            var (page, problem) = QueryParameters.Page(request);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var result = await list.HandleAsync(id, page!, call, request.HttpContext.RequestAborted);
            return result.IsSuccess
                ? new JsonBodyResult(200, new DocumentList(result.Value.Items.Select(DocumentResource.Of).ToArray(), result.Value.ContinuationToken))
                : ProblemResult.From(result.Failure);
        });

    private sealed record DocumentList(IReadOnlyList<DocumentResource> Items, string? ContinuationToken);
}
