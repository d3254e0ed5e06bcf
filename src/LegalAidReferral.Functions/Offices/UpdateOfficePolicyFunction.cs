using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Triage;
using LegalAidReferral.Core.Triage.Input;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Offices;

/// <summary>An office admin replaces the office's triage policy; it is stored as the next version.</summary>
public sealed class UpdateOfficePolicyFunction(ApiPipeline api, UpdateTriagePolicy update)
{
    [Function("UpdateOfficePolicy")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "offices/{officeId}/policy")] HttpRequest request,
        string officeId) =>
        api.RunOnOfficeAsync(request, UseCase.UpdateTriagePolicy, officeId, async call =>
        {
            var ct = request.HttpContext.RequestAborted;
            var (body, problem) = await JsonBody.ReadAsync<TriagePolicyInput>(request, api.MaxJsonBodyBytes, ct, JsonBody.Json);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var command = new UpdateTriagePolicy.Command(officeId, body!.Value, IfMatch.Read(request));
            var result = await update.HandleAsync(command, call, ct);
            return result.IsSuccess ? new JsonBodyResult(200, result.Value) { ETag = ETags.Of(result.Value.Version) } : ProblemResult.From(result.Failure);
        });
}
