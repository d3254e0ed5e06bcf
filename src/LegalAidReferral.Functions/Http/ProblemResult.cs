using System.Globalization;
using LegalAidReferral.Core.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace LegalAidReferral.Functions.Http;

/// <summary>Writes a <see cref="Problem"/> as <c>application/problem+json</c> with the request's trace id.</summary>
public sealed class ProblemResult(Problem problem) : IActionResult
{
    public Problem Problem { get; } = problem;

    public Task ExecuteResultAsync(ActionContext context)
    {
        var body = new ProblemBody(
            Problem.Type,
            Problem.Title,
            Problem.Status,
            Problem.Detail,
            Correlation.Get(context.HttpContext),
            Problem.Errors);
        return new JsonBodyResult(Problem.Status, body, "application/problem+json; charset=utf-8").ExecuteResultAsync(context);
    }

    /// <summary>Writes the problem from outside a function, e.g. from middleware or an endpoint filter.</summary>
    public Task WriteAsync(HttpContext context) =>
        ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));

    public static implicit operator ProblemResult(Problem problem) => new(problem);

    public static ProblemResult From(Failure failure) => new(Problem.From(failure));

    /// <summary>A 429: sets <c>Retry-After</c> on <paramref name="response"/> (whole seconds, at least one) and gives the problem that says the same.</summary>
    public static ProblemResult TooManyRequests(HttpResponse response, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(response);
        var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return new ProblemResult(Problem.TooManyRequests(seconds));
    }

    private sealed record ProblemBody(string Type, string Title, int Status, string Detail, string TraceId, IReadOnlyDictionary<string, string[]>? Errors);
}
