using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Operations;

/// <summary>Serves the OpenAPI 3 document of this API, kept in the repository next to the functions.</summary>
public sealed class OpenApiFunction(ApiPipeline api)
{
    [Function("OpenApiDocument")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        api.RunAnonymousAsync(request, () => Task.FromResult<IActionResult>(
            new BytesResult(OpenApiDocument.Bytes, "application/json; charset=utf-8")));
}
