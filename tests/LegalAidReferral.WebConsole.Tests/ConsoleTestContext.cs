using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bunit;
using LegalAidReferral.WebConsole.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FluentUI.AspNetCore.Components;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>bUnit with the console's services: its texts, Fluent UI, and an API client whose answers the test gives.</summary>
public abstract class ConsoleTestContext : BunitContext
{
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    protected ConsoleTestContext(string language = "en")
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLocalization();
        Services.AddFluentUIComponents();
        Services.AddSingleton(new ConsoleApi(new HttpClient(Api) { BaseAddress = new Uri("http://console.test/") }));
    }

    protected FakeApi Api { get; } = new();

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _culture;
        base.Dispose(disposing);
    }

    /// <summary>Answers every request with the next queued answer (held back until its <c>after</c> task ends, if given), and keeps the requests.</summary>
    protected sealed class FakeApi : HttpMessageHandler
    {
        private readonly Queue<(HttpStatusCode Status, string Json, string? ETag, Task After)> _answers = new();

        public List<(HttpMethod Method, string Path, string? Body, string? IfMatch)> Requests { get; } = [];

        public void Answer(HttpStatusCode status, string json, string? etag = null, Task? after = null) => _answers.Enqueue((status, json, etag, after ?? Task.CompletedTask));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((
                request.Method, request.RequestUri!.PathAndQuery,
                request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken),
                request.Headers.TryGetValues("If-Match", out var tags) ? tags.Single() : null));
            var (status, json, etag, after) = _answers.Dequeue();
            await after;
            var type = (int)status >= 400 ? "application/problem+json" : "application/json";
            var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, type) };
            if (etag is not null)
            {
                response.Headers.ETag = new EntityTagHeaderValue(etag);
            }

            return response;
        }
    }
}
