using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Referrals.Input;
using LegalAidReferral.Core.Referrals.Protocol;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Offices;

/// <summary>An office admin replaces the office's protocol settings; they are stored as the next version.</summary>
public sealed class UpdateOfficeProtocolFunction(ApiPipeline api, UpdateProtocolSettings update)
{
    [Function("UpdateOfficeProtocol")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "offices/{officeId}/protocol")] HttpRequest request,
        string officeId) =>
        api.RunOnOfficeAsync(request, UseCase.UpdateProtocolSettings, officeId, async call =>
        {
            var ct = request.HttpContext.RequestAborted;
            var (body, problem) = await JsonBody.ReadAsync<ProtocolSettingsInput>(request, api.MaxJsonBodyBytes, ct, JsonBody.Json);
            if (problem is not null)
            {
                return new ProblemResult(problem);
            }

            var command = new UpdateProtocolSettings.Command(officeId, body!.Value, IfMatch.Read(request));
            var result = await update.HandleAsync(command, call, ct);
            return result.IsSuccess ? new JsonBodyResult(200, result.Value) { ETag = ETags.Of(result.Value.Version) } : ProblemResult.From(result.Failure);
        });
}
