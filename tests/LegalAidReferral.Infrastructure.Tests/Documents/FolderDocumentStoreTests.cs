using LegalAidReferral.Core.Documents;
using LegalAidReferral.Infrastructure.Documents;
using LegalAidReferral.Infrastructure.Files;
using Xunit.Abstractions;

namespace LegalAidReferral.Infrastructure.Tests.Documents;

[Collection(DocumentStoreCollection.Name)]
public sealed class FolderDocumentStoreTests(ITestOutputHelper output) : DocumentStoreContract(output), IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("legalaidreferral-documents-").FullName;
    private FolderDocumentStore? _store;

    protected override IDocumentStore Store => _store ??= new FolderDocumentStore(Path.Combine(_root, "documents"));

    [Fact]
    public async Task Files_and_folders_are_owner_only_and_named_by_ids()
    {
        var address = await PutAsync(NewAddress("gt-idpp-guatemala", Guid.NewGuid()), 1000);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_root, "documents"), "*", SearchOption.AllDirectories));
        Assert.Equal(Path.Combine(_root, "documents", "gt-idpp-guatemala", address.CaseId.ToString("N"), address.ContentId.ToString("N")), file);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(file));
            Assert.Equal(OwnerOnly.FolderMode, File.GetUnixFileMode(Path.GetDirectoryName(file)!));
            Assert.Equal(OwnerOnly.FolderMode, File.GetUnixFileMode(Path.Combine(_root, "documents")));
        }
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("Office")]
    public async Task An_office_id_that_is_not_a_plain_segment_never_reaches_the_file_system(string officeId)
    {
        Assert.Throws<ArgumentException>(() => new DocumentAddress(officeId, Guid.NewGuid(), Guid.NewGuid()));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListAsync(officeId, Guid.NewGuid(), default));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.EraseCaseAsync(officeId, Guid.NewGuid(), default));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
