namespace LegalAidReferral.Standalone.Hosting;

/// <summary>
/// Serves the web console (the Blazor WebAssembly app of LegalAidReferral.WebConsole) at <c>/</c>:
/// its files (compressed when the build wrote compressed copies, see <see cref="PrecompressedConsoleFiles"/>),
/// and its index page for any console address (a deep link such as <c>/cases/{id}</c>).
/// Only a GET or HEAD that no route answers is a console address, and never one under <c>/api</c>,
/// <c>/dev</c>, <c>/chat</c> or <c>/v3</c> (Direct Line) or one that names a file, so unknown API
/// addresses, wrong methods and the development-only chat routes of a production host keep their 404s.
/// </summary>
public static class WebConsoleHosting
{
    public static void AddWebConsole(this WebApplicationBuilder builder) =>
        // The console's files come from the referenced project's build output (its static web assets
        // manifest) when the host runs from its build folder in any environment, and from wwwroot
        // when published.
        builder.WebHost.UseStaticWebAssets();

    public static void UseWebConsole(this WebApplication app)
    {
        app.UseBlazorFrameworkFiles();
        app.Use((context, next) =>
        {
            if (IsConsolePage(context))
            {
                context.Request.Path = "/index.html";
            }

            return next(context);
        });
        app.UsePrecompressedConsoleFiles();
        app.UseStaticFiles(PrecompressedConsoleFiles.StaticFileOptions());
    }

    private static bool IsConsolePage(HttpContext context)
    {
        if (context.GetEndpoint() is not null || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            return false;
        }

        var segments = (context.Request.Path.Value ?? "/").Trim('/').Split('/');
        return segments[0] is not ("api" or "dev" or "chat" or "v3") && !segments[^1].Contains('.', StringComparison.Ordinal);
    }
}
