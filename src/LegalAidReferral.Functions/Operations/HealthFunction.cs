using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Functions.Operations;

/// <summary>Liveness and readiness of each dependency; anonymous, and says nothing secret.</summary>
public sealed class HealthFunction(ApiPipeline api, IEnumerable<ReadinessCheck> checks)
{
    [Function("Health")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        api.RunAnonymousAsync(request, async () =>
        {
            var results = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var check in checks)
            {
                bool healthy;
                try
                {
                    healthy = await check.Probe(request.HttpContext.RequestAborted);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    healthy = false;
                }

                results[check.Name] = healthy ? "healthy" : "unhealthy";
            }

            var allHealthy = results.Values.All(v => v == "healthy");
            return new JsonBodyResult(allHealthy ? 200 : 503, new { status = allHealthy ? "healthy" : "unhealthy", checks = results })
            {
                Headers = new Dictionary<string, string> { ["Cache-Control"] = "no-store" },
            };
        });
}
