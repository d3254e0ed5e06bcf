using LegalAidReferral.Core.Documents;
using LegalAidReferral.Infrastructure.Documents;
using LegalAidReferral.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.Infrastructure.Tests.Documents;

public sealed class DocumentStorageTests
{
    [Fact]
    public void Functions_app_without_blob_settings_refuses_to_start_naming_the_missing_setting()
    {
        var refused = Assert.Throws<StorageConfigurationException>(() => Register(StorageHost.FunctionsApp));

        Assert.Contains("Documents:Blob:ServiceUri", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Functions_app_refuses_the_folder_store()
    {
        var refused = Assert.Throws<StorageConfigurationException>(() => Register(StorageHost.FunctionsApp, ("Documents:Provider", "folder")));

        Assert.Contains("Blob storage only", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Functions_app_with_a_service_uri_keeps_documents_in_blob_storage()
    {
        using var provider = Register(StorageHost.FunctionsApp, ("Documents:Blob:ServiceUri", "https://account.blob.core.windows.net/")).BuildServiceProvider();

        Assert.IsType<BlobDocumentStore>(provider.GetRequiredService<IDocumentStore>());
    }

    [Fact]
    public void Standalone_host_keeps_documents_in_its_data_folder_by_default()
    {
        using var provider = Register(StorageHost.Standalone).BuildServiceProvider();

        Assert.IsType<FolderDocumentStore>(provider.GetRequiredService<IDocumentStore>());
    }

    [Fact]
    public void Unknown_provider_is_refused_with_the_known_ones()
    {
        var refused = Assert.Throws<StorageConfigurationException>(() => Register(StorageHost.Standalone, ("Documents:Provider", "ftp")));

        Assert.Contains("'folder' or 'blob'", refused.Message, StringComparison.Ordinal);
    }

    private static ServiceCollection Register(StorageHost host, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddDocumentStorage(configuration, Path.Combine(Path.GetTempPath(), "legalaidreferral-tests", Guid.NewGuid().ToString("N")), host);
        return services;
    }
}
