using Azure.Storage.Blobs;
using LegalAidReferral.Core.Documents;
using LegalAidReferral.Infrastructure.Documents;
using LegalAidReferral.Infrastructure.Tests.Documents;

namespace LegalAidReferral.EndToEnd.Tests.Documents;

/// <summary>A running host and the document store it writes to, for checks of what is stored.</summary>
public interface IDocumentHost
{
    IDocumentStore Store { get; }

    Task<ApiSession> SignInAsync(string userId);
}

/// <summary>The standalone host with its default folder store.</summary>
public sealed class FolderDocumentHost : IDocumentHost, IAsyncLifetime
{
    private readonly HostFixture _host = new();

    public IDocumentStore Store => new FolderDocumentStore(Path.Combine(_host.DataFolder, "documents"));

    public Task<ApiSession> SignInAsync(string userId) => _host.SignInAsync(userId);

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();
}

/// <summary>The standalone host with <c>Documents:Provider=blob</c> on Azurite, started for it on a free port.</summary>
public sealed class BlobDocumentHost : IDocumentHost, IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private readonly TempFolder _data = new();
    private StandaloneProcess? _host;

    public IDocumentStore Store => new BlobDocumentStore(new BlobContainerClient(_azurite.ConnectionString, DocumentStorage.DefaultContainer));

    public Task<ApiSession> SignInAsync(string userId) => ApiSession.SignInAsync(_host!.CreateClient(), userId);

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _host = await StandaloneProcess.StartAsync(
            _data.Path, "--Documents:Provider", "blob", "--Documents:Blob:ConnectionString", _azurite.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _azurite.DisposeAsync();
        _data.Dispose();
    }
}

public sealed class FolderDocumentTests(FolderDocumentHost host) : DocumentScenarios(host), IClassFixture<FolderDocumentHost>;

public sealed class BlobDocumentTests(BlobDocumentHost host) : DocumentScenarios(host), IClassFixture<BlobDocumentHost>;
