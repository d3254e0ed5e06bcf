using System.Security.Cryptography;

namespace LegalAidReferral.Core.Documents;

/// <summary>
/// The content of an upload as a store reads it, passed through on the fly: the type is decided from
/// the first <see cref="DocumentTypes.HeadBytes"/> bytes before any byte reaches the store, the size is
/// counted against the limit and the SHA-256 computed as the bytes go by, so nothing is buffered beyond
/// the store's own chunk. A refused upload throws <see cref="DocumentRefusedException"/> from a read:
/// the store must then keep nothing of it.
/// </summary>
public sealed class DocumentUpload(Stream source, long maxBytes) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _head = new byte[DocumentTypes.HeadBytes];
    private int _headLength;
    private int _headServed;
    private DocumentType? _type;
    private string? _sha256;

    public long MaxBytes => maxBytes;

    /// <summary>The detected type; known once the first bytes were read.</summary>
    public DocumentType Type => _type ?? throw new InvalidOperationException("The content has not been read yet.");

    /// <summary>Bytes read so far; the size once <see cref="IsComplete"/>.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the content; known once <see cref="IsComplete"/>.</summary>
    public string Sha256 => _sha256 ?? throw new InvalidOperationException("The content has not been read to its end.");

    public bool IsComplete => _sha256 is not null;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_type is null)
        {
            await ReadHeadAsync(cancellationToken);
        }

        int read;
        if (_headServed < _headLength)
        {
            read = Math.Min(buffer.Length, _headLength - _headServed);
            _head.AsMemory(_headServed, read).CopyTo(buffer);
            _headServed += read;
        }
        else
        {
            read = await source.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                _sha256 ??= Convert.ToHexStringLower(_hash.GetHashAndReset());
                return 0;
            }
        }

        BytesRead += read;
        if (BytesRead > maxBytes)
        {
            throw new DocumentRefusedException(DocumentRefusal.TooLarge);
        }

        _hash.AppendData(buffer.Span[..read]);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task ReadHeadAsync(CancellationToken cancellationToken)
    {
        while (_headLength < _head.Length)
        {
            var read = await source.ReadAsync(_head.AsMemory(_headLength), cancellationToken);
            if (read == 0)
            {
                break;
            }

            _headLength += read;
        }

        if (_headLength == 0)
        {
            throw new DocumentRefusedException(DocumentRefusal.Empty);
        }

        _type = DocumentTypes.Detect(_head.AsSpan(0, _headLength)) ?? throw new DocumentRefusedException(DocumentRefusal.TypeNotAllowed);
    }
}
