using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Cases;

/// <summary>The audit timeline of a case, oldest first, paged.</summary>
public sealed class GetCaseHistoryFunction(ApiPipeline api, GetCaseHistory history)
{
    [Function("GetCaseHistory")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/history")] HttpRequest request,
        string caseId) =>
        api.RunOnCaseAsync(request, UseCase.GetCaseHistory, caseId, async (call, id) =>
        {
            var (page, problem) = QueryParameters.Page(request);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var result = await history.HandleAsync(id, page!, call, request.HttpContext.RequestAborted);
            if (!result.IsSuccess)
            {
                return ProblemResult.From(result.Failure);
            }

            var (found, entries) = result.Value;
            var body = new HistoryResource(found.Id, found.Reference, entries.Items.Select(HistoryEntry.Of).ToArray(), entries.ContinuationToken);
            return new JsonBodyResult(200, body);
        });

    private sealed record HistoryResource(Guid CaseId, string Reference, IReadOnlyList<HistoryEntry> Items, string? ContinuationToken);

    private sealed record HistoryEntry(DateTimeOffset At, AuditAction Action, string UserId, string OfficeId, string CorrelationId, IReadOnlyList<string> Changes)
    {
        public static HistoryEntry Of(AuditEntry e) => new(e.At, e.Action, e.UserId, e.ActorOfficeId, e.CorrelationId, e.Changes);
    }
}
