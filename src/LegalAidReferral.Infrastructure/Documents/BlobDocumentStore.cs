using System.Buffers;
using System.Globalization;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using LegalAidReferral.Core.Documents;

namespace LegalAidReferral.Infrastructure.Documents;

/// <summary>
/// Documents in one private Blob container, named <c>{office}/{case}/{content id}</c> (a prefix per
/// office; nothing the user typed). An upload is staged block by block from one pooled buffer and
/// committed, with its type and hash as metadata, only once the content has been read to its end and
/// accepted: a refused or broken upload commits nothing (its staged blocks are never visible and
/// the service discards them), and memory stays at one block whatever the size.
/// </summary>
public sealed class BlobDocumentStore(BlobContainerClient container) : IDocumentStore
{
    /// <summary>Bytes per staged block: the most an upload holds in memory.</summary>
    public const int BlockBytes = 1024 * 1024;

    // Set only once creation succeeded: a failed attempt (storage briefly unreachable) is retried by
    // the next upload instead of being remembered for the life of the process.
    private volatile bool _created;

    public BlobContainerClient Container => container;

    public async Task PutAsync(DocumentAddress address, DocumentUpload content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(content);
        await EnsureContainerAsync(cancellationToken);
        var blob = container.GetBlockBlobClient(Name(address));
        var buffer = ArrayPool<byte>.Shared.Rent(BlockBytes);
        var blocks = new List<string>();
        try
        {
            int filled;
            do
            {
                filled = await FillAsync(content, buffer, cancellationToken);
                if (filled > 0)
                {
                    var block = Convert.ToBase64String(Encoding.ASCII.GetBytes(blocks.Count.ToString("D8", CultureInfo.InvariantCulture)));
                    using var chunk = new MemoryStream(buffer, 0, filled, writable: false);
                    await blob.StageBlockAsync(block, chunk, cancellationToken: cancellationToken);
                    blocks.Add(block);
                }
            }
            while (filled == BlockBytes);

            await blob.CommitBlockListAsync(
                blocks,
                new CommitBlockListOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = content.Type.ContentType },
                    Metadata = new Dictionary<string, string>
                    {
                        ["officeid"] = address.OfficeId,
                        ["caseid"] = address.CaseId.ToString("D"),
                        ["sha256"] = content.Sha256,
                    },

                    // Never overwrite: a content id names one upload's bytes for good.
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task<Stream?> OpenReadAsync(DocumentAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        try
        {
            var download = await container.GetBlobClient(Name(address)).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<Guid>> ListAsync(string officeId, Guid caseId, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        try
        {
            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = Prefix(officeId, caseId) }, cancellationToken))
            {
                if (Guid.TryParseExact(item.Name.AsSpan(item.Name.LastIndexOf('/') + 1), "D", out var id))
                {
                    ids.Add(id);
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No container yet: nothing was ever stored.
        }

        return ids;
    }

    public async Task<bool> DeleteAsync(DocumentAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        try
        {
            return await container.GetBlobClient(Name(address)).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    public async Task<int> EraseCaseAsync(string officeId, Guid caseId, CancellationToken cancellationToken)
    {
        var erased = 0;
        foreach (var id in await ListAsync(officeId, caseId, cancellationToken))
        {
            if (await DeleteAsync(new DocumentAddress(officeId, caseId, id), cancellationToken))
            {
                erased++;
            }
        }

        return erased;
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
            _created = true;
        }
    }

    private static string Prefix(string officeId, Guid caseId) => $"{new DocumentAddress(officeId, caseId, Guid.Empty).OfficeId}/{caseId:D}/";

    private static string Name(DocumentAddress address) => $"{address.OfficeId}/{address.CaseId:D}/{address.ContentId:D}";

    private static async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < BlockBytes)
        {
            var read = await content.ReadAsync(buffer.AsMemory(filled, BlockBytes - filled), cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }
}
