using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LegalAidReferral.Infrastructure.Limits;

/// <summary>The key a limit keeps for a pair of ids: the ids are not kept, and every key takes two words.</summary>
public static class HashedKey
{
    /// <summary>The first 128 bits of a SHA-256 of <paramref name="scope"/> and <paramref name="id"/>.</summary>
    public static UInt128 Of(string scope, string id)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{scope}\n{id}"), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}
