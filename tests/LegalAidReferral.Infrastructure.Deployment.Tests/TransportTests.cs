using LegalAidReferral.Infrastructure.Deployment.Tests.Bicep;

namespace LegalAidReferral.Infrastructure.Deployment.Tests;

/// <summary>HTTPS only, TLS 1.2 at least, on every resource that has the setting; no FTP.</summary>
[Collection(CompiledInfrastructureCollection.Name)]
public sealed class TransportTests(CompiledInfrastructure infra)
{
    [Fact]
    public void Tls_1_2_is_the_minimum_everywhere()
    {
        ResourceRules.AssertAll(infra,
        [
            ("Microsoft.Storage/storageAccounts", "properties.minimumTlsVersion", "\"TLS1_2\""),
            ("Microsoft.DocumentDB/databaseAccounts", "properties.minimalTlsVersion", "\"Tls12\""),
            ("Microsoft.ServiceBus/namespaces", "properties.minimumTlsVersion", "\"1.2\""),
            ("Microsoft.Web/sites", "properties.siteConfig.minTlsVersion", "\"1.2\""),
            ("Microsoft.Web/sites", "properties.siteConfig.scmMinTlsVersion", "\"1.2\""),
        ]);
    }

    [Fact]
    public void Only_https_reaches_the_function_app_and_storage_and_ftp_is_off()
    {
        ResourceRules.AssertAll(infra,
        [
            ("Microsoft.Web/sites", "properties.httpsOnly", "true"),
            ("Microsoft.Web/sites", "properties.siteConfig.ftpsState", "\"Disabled\""),
            ("Microsoft.Storage/storageAccounts", "properties.supportsHttpsTrafficOnly", "true"),
        ]);
    }

    [Fact]
    public void The_function_app_runs_dotnet_10_isolated_on_the_flex_consumption_plan()
    {
        ResourceRules.AssertAll(infra,
        [
            ("Microsoft.Web/serverfarms", "sku.tier", "\"FlexConsumption\""),
            ("Microsoft.Web/sites", "properties.functionAppConfig.runtime.name", "\"dotnet-isolated\""),
            ("Microsoft.Web/sites", "properties.functionAppConfig.runtime.version", "\"10.0\""),
        ]);
    }
}
