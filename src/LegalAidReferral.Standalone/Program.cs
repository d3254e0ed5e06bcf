using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using LegalAidReferral.Functions;
using LegalAidReferral.Infrastructure.Seed;
using LegalAidReferral.Infrastructure.Storage;
using LegalAidReferral.Standalone.Chat;
using LegalAidReferral.Standalone.Demo;
using LegalAidReferral.Standalone.DevSignIn;
using LegalAidReferral.Standalone.DirectLine;
using LegalAidReferral.Standalone.Hosting;
using Scalar.AspNetCore;

if (args is [SynthEventsCommand.Verb, .. var synthArguments])
{
    return SynthEventsCommand.Run(synthArguments, Console.Out, Console.Error, TimeProvider.System);
}

// The content root is the app's own folder, not the working directory, so its appsettings.json
// (quiet per-request logging) applies however the host is launched.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
StandaloneSettings settings;
try
{
    settings = StandaloneSettings.From(builder.Configuration, builder.Environment);
}
catch (StartupRefusedException refused)
{
    await Console.Error.WriteLineAsync(refused.Message);
    return 2;
}

// Embedded defaults go first, so anything set on the command line or in appsettings wins.
builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = settings.Defaults() });
var urls = builder.Configuration["urls"];
if (string.IsNullOrEmpty(urls))
{
    urls = StandaloneSettings.DefaultUrl;
    builder.WebHost.UseUrls(urls);
}

// During start the host logs a failure and then throws it, and the throw is reported below (one line
// for a taken port): muted until the host has started, so a failure is not reported twice.
var starting = true;
builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", level => !starting || level == LogLevel.Critical);

// Request logs quote the URL, and a case search puts a client's name in the query string: pinned
// here, after the configured levels, so no logging setting can turn them on.
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.None);
try
{
    builder.Services.AddLegalAidReferral(builder.Configuration, StorageHost.Standalone);
}
catch (StorageConfigurationException refused)
{
    await Console.Error.WriteLineAsync(refused.Message);
    return 2;
}

if (settings.ClockOffset != TimeSpan.Zero)
{
    builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new OffsetClock(settings.ClockOffset)));
}

try
{
    builder.Services.AddFunctionTimers(typeof(ServiceRegistration).Assembly, builder.Configuration);
}
catch (StartupRefusedException refused)
{
    await Console.Error.WriteLineAsync(refused.Message);
    return 2;
}

if (settings.SeedDemoData)
{
    builder.Services.AddHostedService<DemoCases>();
    builder.Services.AddHostedService<DemoReviewEvents>();
}

if (settings.DevSignIn)
{
    builder.Services.AddDevSignIn(settings.DataFolder, SeedOffices.Load().Select(o => o.Id));
    builder.Services.AddDirectLine();
}

builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.AddWebConsole();

var app = builder.Build();
app.UseNoSniff();
app.UseRoutingProblems();
app.UseWebConsole();
app.MapFunctions(typeof(ServiceRegistration).Assembly);
// The reference page talks to this host only: no AI agent, telemetry or cloud toolbar, which
// would send requests or usage to a third party from a tool that handles case data.
app.MapScalarApiReference("/reference", options =>
{
    options.WithTitle("LegalAidReferral API")
        .WithOpenApiRoutePattern(settings.DevSignIn ? DevSignInEndpoints.OpenApiPath : "/api/openapi.json")
        .DisableAgent()
        .DisableTelemetry();
    options.ShowDeveloperTools = DeveloperToolsVisibility.Never;
});
if (settings.DevSignIn)
{
    app.MapDevSignIn();
    app.MapDirectLine();
    app.MapChatPage();
}

Console.WriteLine($"Opening storage in {settings.StorageDescription}...");
try
{
    await app.StartAsync();
}
catch (IOException e) when (e.InnerException is AddressInUseException)
{
    await Console.Error.WriteLineAsync(
        $"{urls} is already in use by another program. " +
        "Stop it, or choose another address: dotnet run --project src/LegalAidReferral.Standalone -- --urls http://localhost:5081");
    return 3;
}

starting = false;
StandaloneBanner.Print(app, settings);
await app.WaitForShutdownAsync();
return 0;
