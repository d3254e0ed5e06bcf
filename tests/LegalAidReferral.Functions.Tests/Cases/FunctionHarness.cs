using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LegalAidReferral.Infrastructure.Seed;
using LegalAidReferral.Infrastructure.Storage;
using LegalAidReferral.Standalone.DevSignIn;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LegalAidReferral.Functions.Tests.Cases;

/// <summary>
/// The Functions app's services without any host: function classes are created from DI and their
/// methods called with a <see cref="DefaultHttpContext"/>, as the Functions worker would.
/// </summary>
public sealed class FunctionHarness : IAsyncDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("legalaidreferral-functions-").FullName;
    private readonly List<AsyncServiceScope> _requestScopes = [];

    /// <param name="settings">More configuration, e.g. small throttling limits.</param>
    public FunctionHarness(Action<IServiceCollection>? replace = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
                ["AzureAd:TenantId"] = "00000000-0000-0000-0000-000000000000",
                ["AzureAd:ClientId"] = "api://legalaidreferral-test",
                ["Storage:DataFolder"] = _dataFolder,
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLegalAidReferral(configuration, StorageHost.Standalone);
        services.AddDevSignIn(_dataFolder, SeedOffices.Load().Select(o => o.Id));
        replace?.Invoke(services);
        Provider = services.BuildServiceProvider();
    }

    public CapturingLoggerProvider Logs { get; } = new();

    public ServiceProvider Provider { get; }

    public async Task StartAsync()
    {
        foreach (var service in Provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    public T Function<T>() => ActivatorUtilities.CreateInstance<T>(Provider);

    public HttpRequest Request(string method, string? userId, object? body = null, string contentType = "application/json", IDictionary<string, string>? headers = null)
    {
        // One scope per request, as both hosts do: authentication handlers are cached per scope.
        var scope = Provider.CreateAsyncScope();
        _requestScopes.Add(scope);
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = method;
        context.Response.Body = new MemoryStream();
        if (userId is not null)
        {
            var user = Provider.GetRequiredService<DemoUsers>().Find(userId) ?? throw new ArgumentException($"No demo user {userId}.");
            context.Request.Headers.Authorization = $"Bearer {Provider.GetRequiredService<DevIssuer>().IssueToken(user, TimeSpan.FromMinutes(5))}";
        }

        if (body is not null)
        {
            var bytes = body as byte[] ?? Encoding.UTF8.GetBytes(body as string ?? JsonSerializer.Serialize(body));
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = contentType;
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Request.Headers[name] = value;
        }

        return context.Request;
    }

    public static async Task<(int Status, IHeaderDictionary Headers, JsonNode? Body)> ExecuteAsync(IActionResult result, HttpRequest request)
    {
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return (context.Response.StatusCode, context.Response.Headers, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in _requestScopes)
        {
            await scope.DisposeAsync();
        }

        await Provider.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }
}
