using Azure.Messaging.ServiceBus;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Infrastructure.Exchange;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace LegalAidReferral.Infrastructure.Tests.Exchange;

public sealed class ExchangeRegistrationTests
{
    [Fact]
    public void Without_configuration_the_exchange_is_in_process()
    {
        var services = Register([]);

        using var provider = services.AddSingleton(TimeProvider.System).AddSingleton(Mock.Of<IDeadLetters>()).BuildServiceProvider();
        var exchange = Assert.IsType<InProcessExchange>(provider.GetRequiredService<IMessagePublisher>());
        Assert.Same(exchange, provider.GetRequiredService<IExchangeInbox>());
    }

    [Fact]
    public void Service_bus_with_a_connection_string_registers_one_client_and_its_publisher()
    {
        var services = Register(new()
        {
            ["Exchange:Provider"] = "service-bus",
            ["Exchange:ServiceBus:ConnectionString"] = "Endpoint=sb://legalaidreferral-test.servicebus.windows.net/;SharedAccessKeyName=dev;SharedAccessKey=ZGV2",
        });

        Assert.Single(services, d => d.ServiceType == typeof(ServiceBusClient));
        Assert.Contains(services, d => d.ServiceType == typeof(IMessagePublisher) && d.ImplementationFactory is not null);
        Assert.Contains(services, d => d.ServiceType == typeof(IExchangeInbox) && d.ImplementationFactory is not null);
    }

    [Fact]
    public void Service_bus_without_a_namespace_or_connection_string_refuses_to_start_naming_both_settings()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Register(new() { ["Exchange:Provider"] = "service-bus" }));

        Assert.Contains("Exchange:ServiceBus:FullyQualifiedNamespace", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Exchange:ServiceBus:ConnectionString", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_refuses_to_start()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Register(new() { ["Exchange:Provider"] = "carrier-pigeon" }));

        Assert.Contains("carrier-pigeon", refused.Message, StringComparison.Ordinal);
    }

    private static ServiceCollection Register(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddExchange(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services;
    }
}
