using Azure.Identity;
using Azure.Messaging.ServiceBus;
using LegalAidReferral.Core.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.Infrastructure.Exchange;

/// <summary>
/// The exchange between offices, chosen by configuration (<c>Exchange:Provider</c>): <c>in-process</c>
/// (the default: every office is served by this process) or <c>service-bus</c>, with one
/// <see cref="ServiceBusClient"/> per process connected by identity (<c>Exchange:ServiceBus:FullyQualifiedNamespace</c>
/// and <see cref="DefaultAzureCredential"/>) or, for development only, by <c>Exchange:ServiceBus:ConnectionString</c>.
/// </summary>
public static class ExchangeRegistration
{
    public const string InProcess = "in-process";
    public const string ServiceBus = "service-bus";

    public static IServiceCollection AddExchange(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Exchange");
        switch (section["Provider"] ?? InProcess)
        {
            case InProcess:
                services.AddSingleton<IMessagePublisher, InProcessExchange>();
                break;
            case ServiceBus:
                var client = ServiceBusClientFrom(section.GetSection("ServiceBus"));
                services.AddSingleton(client);
                services.AddSingleton<IMessagePublisher>(sp => new ServiceBusPublisher(sp.GetRequiredService<ServiceBusClient>().CreateSender));
                break;
            case var other:
                throw new InvalidOperationException($"Exchange:Provider '{other}' is not known: use '{InProcess}' or '{ServiceBus}'.");
        }

        return services;
    }

    private static ServiceBusClient ServiceBusClientFrom(IConfigurationSection settings)
    {
        if (settings["FullyQualifiedNamespace"] is { Length: > 0 } fullyQualifiedNamespace)
        {
            return new ServiceBusClient(fullyQualifiedNamespace, new DefaultAzureCredential());
        }

        if (settings["ConnectionString"] is { Length: > 0 } connectionString)
        {
            return new ServiceBusClient(connectionString);
        }

        throw new InvalidOperationException(
            "Exchange:Provider is 'service-bus' but neither Exchange:ServiceBus:FullyQualifiedNamespace (identity) nor Exchange:ServiceBus:ConnectionString (development) is set.");
    }
}
