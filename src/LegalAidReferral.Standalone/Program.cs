using LegalAidReferral.Functions;
using LegalAidReferral.Infrastructure.Seed;
using LegalAidReferral.Infrastructure.Sqlite;
using LegalAidReferral.Standalone.Demo;
using LegalAidReferral.Standalone.DevSignIn;
using LegalAidReferral.Standalone.Hosting;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
var settings = StandaloneSettings.From(builder.Configuration);
builder.Configuration.AddInMemoryCollection(settings.Defaults());
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls(StandaloneSettings.DefaultUrl);
}

builder.Services.AddLegalAidReferral(builder.Configuration);
builder.Services.AddSingleton<DemoCases>();
if (settings.DevSignIn)
{
    builder.Services.AddDevSignIn(settings.DataFolder, SeedOffices.Load().Select(o => o.Id));
}

var app = builder.Build();
app.MapFunctions(typeof(ServiceRegistration).Assembly);
app.MapScalarApiReference("/reference", options => options
    .WithTitle("LegalAidReferral API")
    .WithOpenApiRoutePattern("/api/openapi.json"));
app.MapGet("/", () => Results.Redirect("/reference")).ExcludeFromDescription();
if (settings.DevSignIn)
{
    app.MapDevSignIn();
}

await app.Services.GetRequiredService<SqliteDatabase>().InitializeAsync(CancellationToken.None);
if (settings.SeedDemoData)
{
    await app.Services.GetRequiredService<DemoCases>().SeedAsync(CancellationToken.None);
}

await app.StartAsync();
StandaloneBanner.Print(app, settings);
await app.WaitForShutdownAsync();
