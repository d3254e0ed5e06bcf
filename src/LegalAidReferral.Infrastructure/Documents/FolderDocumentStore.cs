using LegalAidReferral.Core.Documents;
using LegalAidReferral.Infrastructure.Files;

namespace LegalAidReferral.Infrastructure.Documents;

/// <summary>
/// Documents as files under one folder: <c>{office}/{case}/{content id}</c>, every segment an office id
/// (<c>[a-z0-9-]</c>) or a GUID, so no path can leave the folder whatever a file was called. Folders are
/// owner-only (0700) and files too (0600). A file is written under a temporary name and renamed when
/// complete, so a refused or broken upload leaves nothing and a reader never sees half a file.
/// </summary>
public sealed class FolderDocumentStore(string root) : IDocumentStore
{
    private const string PartSuffix = ".part";
    private const int CopyBufferBytes = 81920;

    public string Root { get; } = Path.GetFullPath(root);

    public async Task PutAsync(DocumentAddress address, DocumentUpload content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(content);
        var folder = CaseFolder(address.OfficeId, address.CaseId);
        OwnerOnly.CreateFolder(Root);
        OwnerOnly.CreateFolder(Path.GetDirectoryName(folder)!);
        OwnerOnly.CreateFolder(folder);
        var path = FilePath(address);
        var part = path + PartSuffix;
        try
        {
            await using (var file = new FileStream(part, Options()))
            {
                await content.CopyToAsync(file, CopyBufferBytes, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(part, path, overwrite: false);
        }
        finally
        {
            File.Delete(part);
        }
    }

    public Task<Stream?> OpenReadAsync(DocumentAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(FilePath(address), FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<IReadOnlyList<Guid>> ListAsync(string officeId, Guid caseId, CancellationToken cancellationToken)
    {
        var folder = CaseFolder(officeId, caseId);
        IReadOnlyList<Guid> ids = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder)
                .Select(Path.GetFileName)
                .Select(name => Guid.TryParseExact(name, "N", out var id) ? id : Guid.Empty)
                .Where(id => id != Guid.Empty)
                .ToArray()
            : [];
        return Task.FromResult(ids);
    }

    public Task<bool> DeleteAsync(DocumentAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var path = FilePath(address);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    public async Task<int> EraseCaseAsync(string officeId, Guid caseId, CancellationToken cancellationToken)
    {
        var ids = await ListAsync(officeId, caseId, cancellationToken);
        var folder = CaseFolder(officeId, caseId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return ids.Count;
    }

    private static FileStreamOptions Options()
    {
        var options = OwnerOnly.CreateNew();
        options.Options = FileOptions.Asynchronous | FileOptions.SequentialScan;
        return options;
    }

    private string CaseFolder(string officeId, Guid caseId)
    {
        // The address's constructor checks the office id; a list or erase by office id checks it the same way.
        var office = new DocumentAddress(officeId, caseId, Guid.Empty).OfficeId;
        return Path.Combine(Root, office, caseId.ToString("N"));
    }

    private string FilePath(DocumentAddress address) => Path.Combine(CaseFolder(address.OfficeId, address.CaseId), address.ContentId.ToString("N"));
}
