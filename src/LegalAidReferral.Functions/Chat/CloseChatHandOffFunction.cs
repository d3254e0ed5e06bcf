using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Chat.Cases;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Chat;

/// <summary>Closes the case's open chat hand-off: the client is told, and the bot answers the conversation again; 409 when none is open.</summary>
public sealed class CloseChatHandOffFunction(ApiPipeline api, StaffChatActions chat)
{
    [Function("CloseChatHandOff")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/chat/handoff/close")] HttpRequest request,
        string caseId) =>
        api.RunOnCaseAsync(request, UseCase.CloseChatHandOff, caseId, async (call, id) =>
        {
            var result = await chat.CloseHandOffAsync(id, call, request.HttpContext.RequestAborted);
            return result.IsSuccess
                ? new JsonBodyResult(200, result.Value.Chat!.HandOff) { ETag = ETags.Of(result.Value.Version) }
                : ProblemResult.From(result.Failure);
        });
}
