using LegalAidReferral.WebConsole;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Localisation;
using LegalAidReferral.WebConsole.SignIn;
using LegalAidReferral.WebConsole.Time;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Microsoft.FluentUI.AspNetCore.Components;
using Microsoft.JSInterop;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");

var signIn = builder.Configuration.GetSection("SignIn").Get<SignInOptions>() ?? new SignInOptions();
var apiBase = new Uri(builder.Configuration["Api:BaseUrl"] is { Length: > 0 } configured ? configured : builder.HostEnvironment.BaseAddress);
builder.Services.AddSingleton(signIn);
if (signIn.UsesOidc)
{
    builder.Services.AddOidcAuthentication(oidc =>
    {
        oidc.ProviderOptions.Authority = signIn.Authority;
        oidc.ProviderOptions.ClientId = signIn.ClientId;
        oidc.ProviderOptions.ResponseType = "code";
        oidc.ProviderOptions.DefaultScopes.Add(signIn.ApiScope!);
    });
    builder.Services.AddScoped<OidcSignInSession>();
    builder.Services.AddScoped<ISignInSession>(sp => sp.GetRequiredService<OidcSignInSession>());
}
else
{
    builder.Services.AddScoped(sp => new DevSignInSession(new HttpClient { BaseAddress = apiBase }, sp.GetRequiredService<IJSRuntime>(), signIn));
    builder.Services.AddScoped<ISignInSession>(sp => sp.GetRequiredService<DevSignInSession>());
}

builder.Services.AddScoped(sp => new ConsoleApi(new HttpClient(new BearerHandler(sp.GetRequiredService<ISignInSession>()) { InnerHandler = new HttpClientHandler() }) { BaseAddress = apiBase }));
builder.Services.AddScoped<OfficeDirectory>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddLocalization();
builder.Services.AddFluentUIComponents();

var host = builder.Build();
await ConsoleLanguage.ApplyAsync(host.Services.GetRequiredService<IJSRuntime>());
await host.RunAsync();
