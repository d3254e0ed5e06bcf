using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Chat.Cases;
using LegalAidReferral.Functions.Cases;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Chat;

/// <summary>A staff reply to the client: stored on the case's chat thread, then sent to the conversation bound to the case; 201.</summary>
public sealed class PostChatMessageFunction(ApiPipeline api, StaffChatActions chat)
{
    [Function("PostChatMessage")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/chat/messages")] HttpRequest request,
        string caseId) =>
        api.RunOnCaseAsync(request, UseCase.PostChatMessage, caseId, async (call, id) =>
        {
            var ct = request.HttpContext.RequestAborted;
            var (body, problem) = await JsonBody.ReadAsync<ChatMessageInput>(request, api.MaxJsonBodyBytes, ct, JsonBody.Json);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var result = await chat.PostAsync(id, body!.Value.Text, QueryParameters.Header(request, "Idempotency-Key"), body.Hash, call, ct);
            return result.IsSuccess
                ? new JsonBodyResult(201, ChatMessageResource.Of(result.Value.Message, result.Value.Delivered))
                {
                    Headers = result.Value.Replayed ? CaseResults.ReplayedHeader : null,
                }
                : ProblemResult.From(result.Failure);
        });
}
