using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace LegalAidReferral.Standalone.Hosting;

/// <summary>
/// One timer-triggered function, checked at start-up: its schedule parsed and its parameters bound
/// (the <see cref="TimerInfo"/> and the <see cref="CancellationToken"/>, as the Functions worker binds them).
/// </summary>
public sealed class FunctionTimer
{
    private readonly MethodInfo method;
    private readonly ObjectFactory factory;
    private readonly Func<TimerInfo, CancellationToken, object?>[] binders;

    private FunctionTimer(FunctionMethod<TimerTriggerAttribute> function, TimerSchedule schedule)
    {
        Name = function.Name;
        Trigger = function.Trigger;
        Schedule = schedule;
        method = function.Method;
        if (method.ReturnType != typeof(Task))
        {
            throw new StartupRefusedException($"Timer function {Name} must return Task to be run by the standalone host.");
        }

        factory = ActivatorUtilities.CreateFactory(function.FunctionClass, Type.EmptyTypes);
        binders = method.GetParameters().Select(CreateBinder).ToArray();
    }

    public string Name { get; }

    /// <summary>The attribute as written, e.g. to compare with the Functions host's metadata.</summary>
    public TimerTriggerAttribute Trigger { get; }

    public TimerSchedule Schedule { get; }

    /// <summary>Azure keeps a schedule status (and passes it in <see cref="TimerInfo"/>) unless this is off or the schedule is sub-minute.</summary>
    public bool UseMonitor => Trigger.UseMonitor;

    public bool RunOnStartup => Trigger.RunOnStartup;

    /// <summary>Every <c>[Function]</c> method with a <c>[TimerTrigger]</c> parameter among <paramref name="types"/>, ordered by name.</summary>
    /// <exception cref="StartupRefusedException">A schedule or a parameter cannot be served.</exception>
    public static IReadOnlyList<FunctionTimer> Discover(IEnumerable<Type> types, IConfiguration configuration) =>
        FunctionMethod<TimerTriggerAttribute>.Find(types)
            .Select(f => new FunctionTimer(f, TimerSchedule.Parse(f.Name, f.Trigger.Schedule, configuration)))
            .ToArray();

    /// <summary>Creates the function class in a scope of its own, as the worker does per invocation, and runs it.</summary>
    public async Task InvokeAsync(IServiceProvider services, TimerInfo timer, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var instance = factory(scope.ServiceProvider, null);
        var arguments = binders.Select(bind => bind(timer, cancellationToken)).ToArray();
        await (Task)method.Invoke(instance, BindingFlags.DoNotWrapExceptions, null, arguments, null)!;
    }

    private Func<TimerInfo, CancellationToken, object?> CreateBinder(ParameterInfo parameter)
    {
        if (parameter.ParameterType == typeof(TimerInfo))
        {
            return (timer, _) => timer;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return (_, cancellationToken) => cancellationToken;
        }

        throw new StartupRefusedException(
            $"Timer function {Name} has a parameter '{parameter.Name}' of type {parameter.ParameterType.Name} that the standalone host cannot bind.");
    }
}
