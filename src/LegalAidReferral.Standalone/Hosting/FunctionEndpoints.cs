using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace LegalAidReferral.Standalone.Hosting;

/// <summary>
/// Serves the Functions app's HTTP triggers on Kestrel: each <c>[HttpTrigger]</c> route becomes an
/// endpoint under <c>/api</c> that creates the same function class from DI and calls the same method,
/// so no route or behaviour is written twice.
/// </summary>
public static class FunctionEndpoints
{
    public const string Prefix = "api";

    public static IReadOnlyList<FunctionRoute> MapFunctions(this IEndpointRouteBuilder endpoints, Assembly functionsAssembly)
    {
        var routes = FunctionRoute.Discover(functionsAssembly);
        foreach (var route in routes)
        {
            var invoke = CreateInvoker(route);
            endpoints.MapMethods($"/{Prefix}/{route.Route}", route.HttpMethods, invoke).WithName(route.Name);
        }

        return routes;
    }

    private static RequestDelegate CreateInvoker(FunctionRoute route)
    {
        if (route.Method.ReturnType != typeof(Task<IActionResult>))
        {
            throw new InvalidOperationException($"Function {route.Name} must return Task<IActionResult> to be served by the standalone host.");
        }

        var factory = ActivatorUtilities.CreateFactory(route.FunctionClass, Type.EmptyTypes);
        var binders = route.Method.GetParameters().Select(p => CreateBinder(route, p)).ToArray();
        return async context =>
        {
            var instance = factory(context.RequestServices, null);
            var arguments = binders.Select(bind => bind(context)).ToArray();
            var result = await (Task<IActionResult>)route.Method.Invoke(instance, arguments)!;
            await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
        };
    }

    private static Func<HttpContext, object?> CreateBinder(FunctionRoute route, ParameterInfo parameter)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return context => context.Request;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context => context.RequestAborted;
        }

        if (parameter.ParameterType == typeof(string) && route.Route.Contains($"{{{parameter.Name}}}", StringComparison.Ordinal))
        {
            var name = parameter.Name!;
            return context => context.GetRouteValue(name) as string;
        }

        throw new InvalidOperationException(
            $"Function {route.Name} has a parameter '{parameter.Name}' of type {parameter.ParameterType.Name} that the standalone host cannot bind.");
    }
}
