using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Chat.Cases;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Chat;

/// <summary>The case's chat thread with the client, oldest first, paged, with its hand-off; 404 for another office's case.</summary>
public sealed class ListChatMessagesFunction(ApiPipeline api, StaffChatActions chat)
{
    [Function("ListChatMessages")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/chat/messages")] HttpRequest request,
        string caseId) =>
        api.RunOnCaseAsync(request, UseCase.ListChatMessages, caseId, async (call, id) =>
        {
            var (page, problem) = QueryParameters.Page(request);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var result = await chat.ListAsync(id, page!, call, request.HttpContext.RequestAborted);
            return result.IsSuccess
                ? new JsonBodyResult(200, ChatThreadResource.Of(result.Value))
                : ProblemResult.From(result.Failure);
        });
}
