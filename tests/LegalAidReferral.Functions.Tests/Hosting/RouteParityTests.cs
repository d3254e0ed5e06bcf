using LegalAidReferral.Standalone.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace LegalAidReferral.Functions.Tests.Hosting;

public class RouteParityTests
{
    [Fact]
    public void Routes_of_the_built_functions_metadata_equal_the_routes_the_standalone_host_maps()
    {
        var fromMetadata = FunctionsMetadata.Bindings("httpTrigger")
            .SelectMany(x => x.Binding["methods"]!.AsArray().Select(m => $"{m!.GetValue<string>().ToUpperInvariant()} /api/{x.Binding["route"]!.GetValue<string>()}"))
            .Order()
            .ToArray();

        var app = WebApplication.CreateBuilder().Build();
        app.MapFunctions(typeof(ServiceRegistration).Assembly);
        var mapped = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order()
            .ToArray();

        Assert.NotEmpty(fromMetadata);
        Assert.Equal(fromMetadata, mapped);
    }

    [Fact]
    public void Every_http_function_is_anonymous_at_the_functions_host_because_bodies_authenticate_with_Entra_ID()
    {
        var levels = FunctionsMetadata.Bindings("httpTrigger")
            .Select(x => x.Binding["authLevel"]!.GetValue<string>())
            .Distinct();

        Assert.Equal(["Anonymous"], levels);
    }
}
