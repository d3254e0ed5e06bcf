namespace LegalAidReferral.Standalone.Hosting;

/// <summary>
/// Serves the web console (the Blazor WebAssembly app of LegalAidReferral.WebConsole) at <c>/</c>:
/// its files, and its index page for any console address (a deep link such as <c>/cases/{id}</c>).
/// Addresses under <c>/api</c> and <c>/dev</c> are never the console's, so an unknown one there stays a
/// not-found problem.
/// </summary>
public static class WebConsoleHosting
{
    public static void AddWebConsole(this WebApplicationBuilder builder)
    {
        // The console's files come from the referenced project's build output (its static web
        // assets manifest) when the host runs from its build folder in any environment, and from
        // wwwroot when published.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.Configure<RouteOptions>(options => options.ConstraintMap[ConsolePath.Name] = typeof(ConsolePath));
    }

    public static void MapWebConsole(this WebApplication app)
    {
        app.UseBlazorFrameworkFiles();
        app.UseStaticFiles();
        app.MapFallbackToFile($"{{*path:{ConsolePath.Name}}}", "index.html").WithMetadata(new HttpMethodMetadata(["GET", "HEAD"]));
    }

    /// <summary>A console page's address: not under <c>/api</c> or <c>/dev</c>, and not a file (no dot in its last segment).</summary>
    private sealed class ConsolePath : IRouteConstraint
    {
        public const string Name = "consolepage";

        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
        {
            var path = values[routeKey]?.ToString() ?? "";
            var first = path.Split('/')[0];
            return first is not ("api" or "dev") && !path.Split('/')[^1].Contains('.', StringComparison.Ordinal);
        }
    }
}
