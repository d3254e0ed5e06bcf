using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Standalone.Hosting;

/// <summary>One <c>[Function]</c> method whose trigger parameter carries <typeparamref name="TTrigger"/>.</summary>
internal sealed record FunctionMethod<TTrigger>(string Name, Type FunctionClass, MethodInfo Method, TTrigger Trigger)
    where TTrigger : Attribute
{
    /// <summary>Every such method of <paramref name="types"/>, ordered by function name.</summary>
    public static IReadOnlyList<FunctionMethod<TTrigger>> Find(IEnumerable<Type> types) =>
        types
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => (Type: t, Method: m)))
            .Select(x => (x.Type, x.Method, Function: x.Method.GetCustomAttribute<FunctionAttribute>()))
            .Where(x => x.Function is not null)
            .Select(x => (x.Type, x.Method, x.Function, Trigger: x.Method.GetParameters()
                .Select(p => p.GetCustomAttribute<TTrigger>())
                .FirstOrDefault(a => a is not null)))
            .Where(x => x.Trigger is not null)
            .Select(x => new FunctionMethod<TTrigger>(x.Function!.Name, x.Type, x.Method, x.Trigger!))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToArray();
}
