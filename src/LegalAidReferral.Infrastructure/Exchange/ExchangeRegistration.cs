using Azure.Identity;
using Azure.Messaging.ServiceBus;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Offices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LegalAidReferral.Infrastructure.Exchange;

/// <summary>
/// The exchange between offices, chosen by configuration (<c>Exchange:Provider</c>): <c>in-process</c>
/// (the default: every office is served by this process) or <c>service-bus</c>, with one
/// <see cref="ServiceBusClient"/> per process connected by identity (<c>Exchange:ServiceBus:FullyQualifiedNamespace</c>
/// and <see cref="DefaultAzureCredential"/>) or, for development only, by <c>Exchange:ServiceBus:ConnectionString</c>.
/// On Service Bus, a deployment records the protocol events it publishes in its own review, and the
/// regional review (<c>Exchange:ServiceBus:ReviewSubscription</c> set) drains that subscription of the
/// protocol-events topic into its read model too. The exchange also says which offices this deployment
/// serves (<see cref="IServedOffices"/>): every office of the directory in process, the drained ones on Service Bus.
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
                services.AddSingleton<InProcessExchange>();
                services.AddSingleton<IMessagePublisher>(sp => sp.GetRequiredService<InProcessExchange>());
                services.AddSingleton<IExchangeInbox>(sp => sp.GetRequiredService<InProcessExchange>());
                services.AddSingleton<IServedOffices, EveryOfficeServed>();
                break;
            case ServiceBus:
                var settings = section.GetSection("ServiceBus");
                var offices = settings.GetSection("Offices").Get<string[]>() ?? [];
                services.AddSingleton(ServiceBusClientFrom(settings));
                services.AddSingleton<IServedOffices>(new ConfiguredOfficesServed(offices));
                var reviewSubscription = settings["ReviewSubscription"];
                services.AddSingleton<IMessagePublisher>(sp => new LocalReviewPublisher(
                    new ServiceBusPublisher(sp.GetRequiredService<ServiceBusClient>().CreateSender),
                    sp.GetServices<IMessageHandler>().Where(h => h.Topic == Topics.ProtocolEvents).ToArray()));
                services.AddSingleton<IExchangeInbox>(sp => ServiceBusInbox.For(
                    sp.GetRequiredService<ServiceBusClient>(),
                    offices,
                    sp.GetServices<IMessageHandler>().Single(h => h.Topic == Topics.Referrals),
                    sp.GetServices<IMessageHandler>().Single(h => h.Topic == Topics.ProtocolSettings),
                    string.IsNullOrEmpty(reviewSubscription) ? null : (reviewSubscription, sp.GetServices<IMessageHandler>().Single(h => h.Topic == Topics.ProtocolEvents)),
                    sp.GetRequiredService<ILoggerFactory>().CreateLogger<ServiceBusInbox>()));
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
