using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>
/// Answers each request by its method and path (the first route whose path the request's starts with;
/// a route's answers are given in turn, the last one again), 404 for any other, and keeps the requests
/// with their Idempotency-Key and If-Match. A request can be made to fail as an unreachable network does (or throw anything else),
/// and an answer held back until a task ends (a request still on its way).
/// </summary>
public sealed class RoutedApi : HttpMessageHandler
{
    private readonly List<(string Method, string Path, Queue<Answer> Answers)> _routes = [];

    private readonly List<(string Method, string Path, Exception Failure)> _failures = [];

    public List<(string Method, string Path, string? Body, string? IdempotencyKey, string? IfMatch)> Requests { get; } = [];

    /// <summary>The next request of that method and path fails with <see cref="HttpRequestException"/>, as a browser's fetch does without a network.</summary>
    public RoutedApi UnreachableOnce(string method, string path) => FailsOnce(method, path, new HttpRequestException("The network is unreachable."));

    /// <summary>The next request of that method and path throws <paramref name="failure"/> (e.g. a token request that failed in the browser).</summary>
    public RoutedApi FailsOnce(string method, string path, Exception failure)
    {
        _failures.Add((method, path, failure));
        return this;
    }

    /// <param name="after">Holds the answer back until it ends.</param>
    /// <param name="etag">The answer's ETag.</param>
    public RoutedApi Route(string method, string path, string json, HttpStatusCode status = HttpStatusCode.OK, Task? after = null, string? etag = null)
    {
        var route = _routes.FirstOrDefault(r => r.Method == method && r.Path == path);
        if (route.Answers is null)
        {
            route = (method, path, new Queue<Answer>());
            _routes.Add(route);
        }

        route.Answers.Enqueue(new Answer(status, json, after ?? Task.CompletedTask, etag));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery.TrimStart('/');
        Requests.Add((
            request.Method.Method, path,
            request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken),
            request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null,
            request.Headers.TryGetValues("If-Match", out var tags) ? tags.Single() : null));
        var failure = _failures.FindIndex(r => r.Method == request.Method.Method && path.StartsWith(r.Path, StringComparison.Ordinal));
        if (failure >= 0)
        {
            var thrown = _failures[failure].Failure;
            _failures.RemoveAt(failure);
            throw thrown;
        }

        var route = _routes.FirstOrDefault(r => r.Method == request.Method.Method && path.StartsWith(r.Path, StringComparison.Ordinal));
        var answer = route.Answers is null ? new Answer(HttpStatusCode.NotFound, """{ "status": 404, "title": "Not found." }""", Task.CompletedTask, null)
            : route.Answers.Count > 1 ? route.Answers.Dequeue() : route.Answers.Peek();
        await answer.After;
        var type = (int)answer.Status >= 400 ? "application/problem+json" : "application/json";
        var response = new HttpResponseMessage(answer.Status) { Content = new StringContent(answer.Json, Encoding.UTF8, type) };
        if (answer.ETag is not null)
        {
            response.Headers.ETag = new EntityTagHeaderValue(answer.ETag);
        }

        return response;
    }

    private sealed record Answer(HttpStatusCode Status, string Json, Task After, string? ETag);
}

/// <summary>A clock that stays at one instant.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
