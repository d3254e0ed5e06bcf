using System.Net;
using System.Text;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>
/// Answers each request by its method and path (the first route whose path the request's starts with;
/// a route's answers are given in turn, the last one again), 404 for any other, and keeps the requests
/// with their Idempotency-Key. A request can be made to fail as an unreachable network does.
/// </summary>
public sealed class RoutedApi : HttpMessageHandler
{
    private readonly List<(string Method, string Path, Queue<(HttpStatusCode Status, string Json)> Answers)> _routes = [];

    private readonly List<(string Method, string Path)> _unreachable = [];

    public List<(string Method, string Path, string? Body, string? IdempotencyKey)> Requests { get; } = [];

    /// <summary>The next request of that method and path fails with <see cref="HttpRequestException"/>, as a browser's fetch does without a network.</summary>
    public RoutedApi UnreachableOnce(string method, string path)
    {
        _unreachable.Add((method, path));
        return this;
    }

    public RoutedApi Route(string method, string path, string json, HttpStatusCode status = HttpStatusCode.OK)
    {
        var route = _routes.FirstOrDefault(r => r.Method == method && r.Path == path);
        if (route.Answers is null)
        {
            route = (method, path, new Queue<(HttpStatusCode, string)>());
            _routes.Add(route);
        }

        route.Answers.Enqueue((status, json));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery.TrimStart('/');
        Requests.Add((
            request.Method.Method, path,
            request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken),
            request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null));
        var failure = _unreachable.FindIndex(r => r.Method == request.Method.Method && path.StartsWith(r.Path, StringComparison.Ordinal));
        if (failure >= 0)
        {
            _unreachable.RemoveAt(failure);
            throw new HttpRequestException("The network is unreachable.");
        }

        var route = _routes.FirstOrDefault(r => r.Method == request.Method.Method && path.StartsWith(r.Path, StringComparison.Ordinal));
        var (status, json) = route.Answers is null ? (HttpStatusCode.NotFound, """{ "status": 404, "title": "Not found." }""")
            : route.Answers.Count > 1 ? route.Answers.Dequeue() : route.Answers.Peek();
        var type = (int)status >= 400 ? "application/problem+json" : "application/json";
        return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, type) };
    }
}

/// <summary>A clock that stays at one instant.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
