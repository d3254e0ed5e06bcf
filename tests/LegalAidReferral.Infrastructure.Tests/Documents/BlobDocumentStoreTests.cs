using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using LegalAidReferral.Core.Documents;
using LegalAidReferral.Infrastructure.Documents;
using Xunit.Abstractions;

namespace LegalAidReferral.Infrastructure.Tests.Documents;

[Collection(DocumentStoreCollection.Name)]
public sealed class BlobDocumentStoreTests(AzuriteFixture azurite, ITestOutputHelper output) : DocumentStoreContract(output), IClassFixture<AzuriteFixture>
{
    private readonly BlobDocumentStore _store = new(new BlobContainerClient(azurite.ConnectionString, $"documents-{Guid.NewGuid():N}"));

    protected override IDocumentStore Store => _store;

    [Fact]
    public async Task The_container_is_private_and_each_blob_carries_its_type_and_hash()
    {
        var address = await PutAsync(NewAddress("gt-idpp-guatemala", Guid.NewGuid()), 5000);

        var access = await _store.Container.GetAccessPolicyAsync();
        Assert.Equal(Azure.Storage.Blobs.Models.PublicAccessType.None, access.Value.BlobPublicAccess);
        var properties = (await _store.Container.GetBlobClient($"gt-idpp-guatemala/{address.CaseId:D}/{address.ContentId:D}").GetPropertiesAsync()).Value;
        Assert.Equal("application/pdf", properties.ContentType);
        Assert.Equal(TestContent.Sha256(TestContent.Pdf, 5000), properties.Metadata["sha256"]);
        Assert.Equal("gt-idpp-guatemala", properties.Metadata["officeid"]);
    }

    [Fact]
    public async Task An_upload_after_storage_was_briefly_unreachable_creates_the_container_and_succeeds()
    {
        using var handler = new FailsFirstRequest();
        var options = new BlobClientOptions { Transport = new HttpClientTransport(handler), Retry = { MaxRetries = 0 } };
        var store = new BlobDocumentStore(new BlobContainerClient(azurite.ConnectionString, $"documents-{Guid.NewGuid():N}", options));
        var address = NewAddress("gt-idpp-guatemala", Guid.NewGuid());

        using (var first = new DocumentUpload(new TestContent(TestContent.Pdf, 1000), NoLimit))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => store.PutAsync(address, first, default));
        }

        using var second = new DocumentUpload(new TestContent(TestContent.Pdf, 1000), NoLimit);
        await store.PutAsync(address, second, default);
        await using var stored = await store.OpenReadAsync(address, default);
        Assert.NotNull(stored);
    }

    private sealed class FailsFirstRequest() : DelegatingHandler(new HttpClientHandler())
    {
        private int _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _requests) == 1
                ? throw new HttpRequestException("storage unreachable")
                : base.SendAsync(request, cancellationToken);
    }
}
