using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Input;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Referrals;

/// <summary>
/// Takes an action on the caller's office's copy (<c>acknowledge</c>, <c>accept</c>, <c>decline</c>,
/// <c>assign</c>, <c>first-contact</c>, <c>outcome</c>, <c>revoke</c>, <c>close</c>), with the fields
/// that action needs; 200 with the updated copy, 409 invalid-transition when the table does not allow it.
/// </summary>
public sealed class ActOnReferralFunction(ApiPipeline api, ActOnReferral act)
{
    [Function("ActOnReferral")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "referrals/{referralId}/{action}")] HttpRequest request,
        string referralId,
        string action) =>
        api.RunOnReferralAsync(request, UseCase.ActOnReferral, referralId, async (call, id) =>
        {
            if (!Kebab<ReferralAction>.TryParse(action, out var parsed) || !ReferralActions.Requestable.Contains(parsed))
            {
                return new ProblemResult(Problem.Invalid(
                    "action", $"Unknown action. Allowed values: {string.Join(", ", ReferralActions.Requestable.Select(Kebab<ReferralAction>.Name))}."));
            }

            var ct = request.HttpContext.RequestAborted;
            var (body, problem) = await JsonBody.ReadOptionalAsync(request, api.MaxJsonBodyBytes, new ReferralActionInput(), ct, JsonBody.Json);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var result = await act.HandleAsync(new ActOnReferral.Command(id, parsed, body?.Value, IfMatch.Read(request)), call, ct);
            return result.IsSuccess ? ReferralResults.Ok(result.Value, call.Caller) : ProblemResult.From(result.Failure);
        });
}
