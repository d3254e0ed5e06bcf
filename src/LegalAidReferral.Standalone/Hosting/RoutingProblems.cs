using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

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
                StatusCodes.Status404NotFound => WriteAsync(http, Problem.NoRoute()),
                StatusCodes.Status405MethodNotAllowed => WriteAsync(http, Problem.MethodNotAllowed(http.Response.Headers.Allow.ToString())),
                _ => Task.CompletedTask,
            };
        });

    /// <summary>Writes <paramref name="problem"/> outside a function, as <see cref="ProblemResult"/> does inside one.</summary>
    public static Task WriteAsync(HttpContext context, Problem problem) =>
        new ProblemResult(problem).ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
}
