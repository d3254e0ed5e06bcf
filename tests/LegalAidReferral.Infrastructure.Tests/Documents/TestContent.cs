using System.Security.Cryptography;

namespace LegalAidReferral.Infrastructure.Tests.Documents;

/// <summary>Document contents for tests: an allowed type's first bytes, then deterministic filler, made as they are read.</summary>
public sealed class TestContent(byte[] head, long length) : Stream
{
    public static readonly byte[] Pdf = "%PDF-1.7\n"u8.ToArray();
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    public static readonly byte[] Executable = "MZ\x90\0\x03\0\0\0\x04\0\0\0"u8.ToArray();

    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public static byte[] Bytes(byte[] head, int length)
    {
        var bytes = new byte[length];
        using var stream = new TestContent(head, length);
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>The hex SHA-256 of a content made by this class, computed from a second copy.</summary>
    public static string Sha256(byte[] head, long length)
    {
        using var stream = new TestContent(head, length);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < n; i++, _position++)
        {
            buffer[i] = _position < head.Length ? head[_position] : (byte)((_position * 31) ^ (_position >> 11));
        }

        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
