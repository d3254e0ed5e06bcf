using LegalAidReferral.Functions.Http;

namespace LegalAidReferral.Standalone.Hosting;

/// <summary>
/// The router answers an unknown address with an empty 404, and a known address with the wrong
/// method with an empty 405 and <c>Allow</c>; these give them an RFC 9457 body like every other error.
/// </summary>
public static class RoutingProblems
{
    public static IApplicationBuilder UseRoutingProblems(this IApplicationBuilder app) =>
        app.UseStatusCodePages(context =>
        {
            var http = context.HttpContext;
            return http.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => new ProblemResult(Problem.NoRoute()).WriteAsync(http),
                StatusCodes.Status405MethodNotAllowed => new ProblemResult(Problem.MethodNotAllowed(http.Response.Headers.Allow.ToString())).WriteAsync(http),
                _ => Task.CompletedTask,
            };
        });
}
