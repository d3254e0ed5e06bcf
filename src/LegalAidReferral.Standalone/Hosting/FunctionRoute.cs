using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Standalone.Hosting;

/// <summary>One HTTP-triggered function found in the Functions assembly: its class, method, route and verbs.</summary>
public sealed record FunctionRoute(string Name, Type FunctionClass, MethodInfo Method, string Route, IReadOnlyList<string> HttpMethods)
{
    /// <summary>Every <c>[Function]</c> method with an <c>[HttpTrigger]</c> parameter, ordered by name.</summary>
    public static IReadOnlyList<FunctionRoute> Discover(Assembly assembly) =>
        FunctionMethod<HttpTriggerAttribute>.Find(assembly.GetExportedTypes())
            .Select(f => new FunctionRoute(
                f.Name,
                f.FunctionClass,
                f.Method,
                f.Trigger.Route ?? f.Name,
                (f.Trigger.Methods ?? ["get", "post"]).Select(m => m.ToUpperInvariant()).ToArray()))
            .ToArray();
}
