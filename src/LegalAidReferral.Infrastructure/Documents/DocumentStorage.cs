using Azure.Identity;
using Azure.Storage.Blobs;
using LegalAidReferral.Core.Documents;
using LegalAidReferral.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.Infrastructure.Documents;

/// <summary>
/// Chooses the document store from configuration, for both hosts: <c>Documents:Provider</c> =
/// <c>folder</c> (the standalone host's default: <c>Documents:Folder</c>, or <c>documents</c> in the
/// data folder) or <c>blob</c> (the Functions app's default and only choice, since a scaled-out
/// serverless app has no disk to keep documents on: <c>Documents:Blob:ServiceUri</c> with the host's
/// managed identity through <see cref="DefaultAzureCredential"/>, or <c>Documents:Blob:ConnectionString</c>
/// for the emulator; container <c>Documents:Blob:Container</c>, by default <see cref="DefaultContainer"/>).
/// </summary>
public static class DocumentStorage
{
    public const string Folder = "folder";
    public const string Blob = "blob";
    public const string DefaultContainer = "case-documents";

    /// <exception cref="StorageConfigurationException">An unknown provider, the folder store in the Functions app, or Blob storage without a way to reach it.</exception>
    public static IServiceCollection AddDocumentStorage(this IServiceCollection services, IConfiguration configuration, string dataFolder, StorageHost host)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DocumentOptions.SectionName);
        services.AddOptions<DocumentOptions>()
            .Bind(section)
            .Validate(o => o.IsValid, "Documents:MaxBytes must be greater than zero.")
            .ValidateOnStart();
        var provider = section["Provider"] is { Length: > 0 } configured ? configured : host == StorageHost.FunctionsApp ? Blob : Folder;
        switch (provider.ToLowerInvariant())
        {
            case Folder when host == StorageHost.FunctionsApp:
                throw new StorageConfigurationException(
                    "Documents:Provider is 'folder', but the Functions app keeps documents in Blob storage only: " +
                    "remove the setting, or set it to 'blob' with Documents:Blob:ServiceUri.");
            case Folder:
                var root = section["Folder"] is { Length: > 0 } folder ? folder : Path.Combine(dataFolder, "documents");
                services.AddSingleton<IDocumentStore>(new FolderDocumentStore(root));
                break;
            case Blob:
                var container = BlobContainer(section.GetSection("Blob"));
                services.AddSingleton<IDocumentStore>(new BlobDocumentStore(container));
                break;
            default:
                throw new StorageConfigurationException($"Documents:Provider '{provider}' is not known: use '{Folder}' or '{Blob}'.");
        }

        return services;
    }

    private static BlobContainerClient BlobContainer(IConfigurationSection blob)
    {
        var name = blob["Container"] is { Length: > 0 } container ? container : DefaultContainer;
        if (blob["ConnectionString"] is { Length: > 0 } connectionString)
        {
            return new BlobContainerClient(connectionString, name);
        }

        if (blob["ServiceUri"] is { Length: > 0 } serviceUri)
        {
            return new BlobServiceClient(new Uri(serviceUri), new DefaultAzureCredential()).GetBlobContainerClient(name);
        }

        throw new StorageConfigurationException(
            "Documents:Provider is 'blob', but neither Documents:Blob:ServiceUri (managed identity) nor Documents:Blob:ConnectionString (emulator) is set.");
    }
}
