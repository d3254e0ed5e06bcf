using System.Collections.Concurrent;
using System.Net.Http.Headers;
using LegalAidReferral.EndToEnd.Tests.Contract;
using Microsoft.Playwright;

namespace LegalAidReferral.EndToEnd.Tests.Console;

/// <summary>
/// Sends every <c>/api</c> request the console makes in the browser through <see cref="ContractCheckingHandler"/>,
/// so the console's traffic is held to openapi.json like the suite's own clients: a call outside the
/// document, or a request or answer that breaks it, is kept as a violation and fails the test.
/// </summary>
public sealed class ContractRoute(Uri host)
{
    // The browser sets these itself; the rest are forwarded as the console sent them.
    private static readonly HashSet<string> BrowserHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "host", "content-length", "connection", "origin", "referer", "user-agent", "sec-ch-ua", "sec-ch-ua-mobile", "sec-ch-ua-platform",
        "sec-fetch-dest", "sec-fetch-mode", "sec-fetch-site", "accept-encoding",
    };

    private readonly HttpClient _http = new(new ContractCheckingHandler(OpenApiContract.Served, new HttpClientHandler())) { BaseAddress = host };

    public ConcurrentQueue<string> Violations { get; } = new();

    public Task AttachAsync(IBrowserContext context) => context.RouteAsync($"{host.GetLeftPart(UriPartial.Authority)}/api/**", ForwardAsync);

    private async Task ForwardAsync(IRoute route)
    {
        var request = route.Request;
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Url).PathAndQuery);
        var headers = await request.AllHeadersAsync();
        if (request.PostDataBuffer is { } body)
        {
            message.Content = new ByteArrayContent(body);
            if (headers.TryGetValue("content-type", out var type))
            {
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            }
        }

        foreach (var (name, value) in headers.Where(h => !BrowserHeaders.Contains(h.Key) && !h.Key.Equals("content-type", StringComparison.OrdinalIgnoreCase)))
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await _http.SendAsync(message);
            var answerHeaders = response.Headers.Concat(response.Content.Headers)
                .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = (int)response.StatusCode,
                Headers = answerHeaders,
                BodyBytes = await response.Content.ReadAsByteArrayAsync(),
            });
        }
        catch (ContractViolationException violation)
        {
            Violations.Enqueue(violation.Message);
            await route.AbortAsync();
        }
    }
}
