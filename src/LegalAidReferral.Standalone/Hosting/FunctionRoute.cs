using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Standalone.Hosting;

/// <summary>One HTTP-triggered function found in the Functions assembly: its class, method, route and verbs.</summary>
public sealed record FunctionRoute(string Name, Type FunctionClass, MethodInfo Method, string Route, IReadOnlyList<string> HttpMethods)
{
    /// <summary>Every <c>[Function]</c> method with an <c>[HttpTrigger]</c> parameter, ordered by name.</summary>
    public static IReadOnlyList<FunctionRoute> Discover(Assembly assembly) =>
        assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => (Type: t, Method: m)))
            .Select(x => (x.Type, x.Method, Function: x.Method.GetCustomAttribute<FunctionAttribute>()))
            .Where(x => x.Function is not null)
            .Select(x => (x.Type, x.Method, x.Function, Trigger: x.Method.GetParameters()
                .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
                .FirstOrDefault(a => a is not null)))
            .Where(x => x.Trigger is not null)
            .Select(x => new FunctionRoute(
                x.Function!.Name,
                x.Type,
                x.Method,
                x.Trigger!.Route ?? x.Function.Name,
                (x.Trigger.Methods ?? ["get", "post"]).Select(m => m.ToUpperInvariant()).ToArray()))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToArray();
}
