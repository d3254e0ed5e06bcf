using LegalAidReferral.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.Functions.Tests.Hosting;

public class FunctionsAppRegistrationTests
{
    private static readonly (string Key, string Value)[] AzureStorage =
    [
        ("Storage:Cosmos:AccountEndpoint", "https://account.documents.azure.com:443/"),
        ("Documents:Blob:ServiceUri", "https://account.blob.core.windows.net/"),
    ];

    [Fact]
    public void Functions_app_without_a_pseudonym_key_refuses_to_start_naming_the_setting()
    {
        var refused = Assert.Throws<StorageConfigurationException>(() => Register(AzureStorage));

        Assert.Contains("Referrals:PseudonymKey", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Functions_app_with_its_storage_and_a_pseudonym_key_registers()
    {
        var services = Register([.. AzureStorage, ("Referrals:PseudonymKey", Convert.ToBase64String(new byte[32]))]);

        Assert.NotEmpty(services);
    }

    private static ServiceCollection Register((string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddLegalAidReferral(configuration, StorageHost.FunctionsApp);
        return services;
    }
}
