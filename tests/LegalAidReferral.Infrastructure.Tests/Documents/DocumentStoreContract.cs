using System.Security.Cryptography;
using LegalAidReferral.Core.Documents;
using Xunit.Abstractions;

namespace LegalAidReferral.Infrastructure.Tests.Documents;

/// <summary>Runs alone: the memory test measures the whole process's allocations.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DocumentStoreCollection
{
    public const string Name = "Document stores";
}

/// <summary>
/// What every <see cref="IDocumentStore"/> adapter does, written against the port and run on each
/// (<see cref="FolderDocumentStoreTests"/>, <see cref="BlobDocumentStoreTests"/>).
/// </summary>
public abstract class DocumentStoreContract(ITestOutputHelper output)
{
    private const string Office = "gt-idpp-guatemala";
    private const string OtherOffice = "mx-ifdp-tapachula";
    protected const long NoLimit = long.MaxValue;

    protected abstract IDocumentStore Store { get; }

    [Fact]
    public async Task Stored_content_reads_back_byte_identical()
    {
        var address = NewAddress(Office, Guid.NewGuid());
        var bytes = TestContent.Bytes(TestContent.Png, 300_000);

        using var upload = new DocumentUpload(new MemoryStream(bytes), NoLimit);
        await Store.PutAsync(address, upload, default);

        Assert.Equal(bytes, await ReadAllAsync(address));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), upload.Sha256);
        Assert.Equal("image/png", upload.Type.ContentType);
        Assert.Equal(bytes.Length, upload.BytesRead);
    }

    [Fact]
    public async Task Missing_content_is_not_found()
    {
        var address = NewAddress(Office, Guid.NewGuid());

        Assert.Null(await Store.OpenReadAsync(address, default));
        Assert.False(await Store.DeleteAsync(address, default));
        Assert.Empty(await Store.ListAsync(Office, address.CaseId, default));
    }

    [Fact]
    public async Task Deleted_content_is_gone()
    {
        var address = await PutAsync(NewAddress(Office, Guid.NewGuid()), 1000);

        Assert.True(await Store.DeleteAsync(address, default));

        Assert.Null(await Store.OpenReadAsync(address, default));
    }

    [Theory]
    [InlineData("executable")]
    [InlineData("too large")]
    public async Task Refused_upload_keeps_nothing(string refusal)
    {
        var address = NewAddress(Office, Guid.NewGuid());
        using var upload = refusal == "executable"
            ? new DocumentUpload(new TestContent(TestContent.Executable, 5000), NoLimit)
            : new DocumentUpload(new TestContent(TestContent.Pdf, 3 * 1024 * 1024), 2 * 1024 * 1024);

        await Assert.ThrowsAsync<DocumentRefusedException>(() => Store.PutAsync(address, upload, default));

        Assert.Null(await Store.OpenReadAsync(address, default));
        Assert.Empty(await Store.ListAsync(Office, address.CaseId, default));
    }

    [Fact]
    public async Task Content_at_an_address_is_never_overwritten()
    {
        var address = await PutAsync(NewAddress(Office, Guid.NewGuid()), 1000);
        var original = await ReadAllAsync(address);

        using var second = new DocumentUpload(new TestContent(TestContent.Png, 2000), NoLimit);
        await Assert.ThrowsAnyAsync<Exception>(() => Store.PutAsync(address, second, default));

        Assert.Equal(original, await ReadAllAsync(address));
    }

    [Fact]
    public async Task Erasing_a_case_removes_all_its_documents_and_only_those()
    {
        var caseId = Guid.NewGuid();
        var otherCase = Guid.NewGuid();
        var erased = new[] { await PutAsync(NewAddress(Office, caseId), 100), await PutAsync(NewAddress(Office, caseId), 200), await PutAsync(NewAddress(Office, caseId), 300) };
        var kept = await PutAsync(NewAddress(Office, otherCase), 400);
        Assert.Equal(erased.Select(a => a.ContentId).Order(), (await Store.ListAsync(Office, caseId, default)).Order());

        Assert.Equal(3, await Store.EraseCaseAsync(Office, caseId, default));

        Assert.Empty(await Store.ListAsync(Office, caseId, default));
        foreach (var address in erased)
        {
            Assert.Null(await Store.OpenReadAsync(address, default));
        }

        Assert.Equal([kept.ContentId], await Store.ListAsync(Office, otherCase, default));
        Assert.Equal(0, await Store.EraseCaseAsync(Office, caseId, default));
    }

    [Fact]
    public async Task Offices_are_isolated_even_for_the_same_case_and_content_ids()
    {
        var caseId = Guid.NewGuid();
        var contentId = Guid.NewGuid();
        var mine = await PutAsync(new DocumentAddress(Office, caseId, contentId), 1000);
        var theirs = await PutAsync(new DocumentAddress(OtherOffice, caseId, contentId), 2000);

        Assert.Equal(1000, (await ReadAllAsync(mine)).Length);
        Assert.Equal(2000, (await ReadAllAsync(theirs)).Length);

        await Store.EraseCaseAsync(OtherOffice, caseId, default);

        Assert.Equal(1000, (await ReadAllAsync(mine)).Length);
        Assert.Equal([contentId], await Store.ListAsync(Office, caseId, default));
    }

    [Fact]
    public async Task A_10_MB_upload_streams_with_flat_memory()
    {
        const long size = 10L * 1024 * 1024;
        await PutAsync(NewAddress(Office, Guid.NewGuid()), 64 * 1024);

        var address = NewAddress(Office, Guid.NewGuid());
        using var upload = new DocumentUpload(new TestContent(TestContent.Pdf, size), NoLimit);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await Store.PutAsync(address, upload, default);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        var ratio = (double)allocated / size;
        output.WriteLine($"{GetType().Name}: {allocated:N0} bytes allocated while storing {size:N0} bytes (ratio {ratio:0.000})");
        Assert.True(ratio < 0.25, $"Storing {size} bytes allocated {allocated} bytes: the content was buffered.");
        Assert.Equal(TestContent.Sha256(TestContent.Pdf, size), upload.Sha256);
        await using var stored = (await Store.OpenReadAsync(address, default))!;
        Assert.Equal(upload.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(stored)));
    }

    protected static DocumentAddress NewAddress(string officeId, Guid caseId) => new(officeId, caseId, Guid.CreateVersion7());

    protected async Task<DocumentAddress> PutAsync(DocumentAddress address, int length)
    {
        using var upload = new DocumentUpload(new TestContent(TestContent.Pdf, length), NoLimit);
        await Store.PutAsync(address, upload, default);
        return address;
    }

    protected async Task<byte[]> ReadAllAsync(DocumentAddress address)
    {
        await using var stream = await Store.OpenReadAsync(address, default) ?? throw new InvalidOperationException("Nothing stored at the address.");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
