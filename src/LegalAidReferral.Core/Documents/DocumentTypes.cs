namespace LegalAidReferral.Core.Documents;

/// <summary>A content type the service stores, recognised by the first bytes of the content.</summary>
/// <param name="Signature">Bytes the content starts with at <paramref name="Offset"/>.</param>
/// <param name="Brands">For ISO base media files (HEIC): the major brands accepted after <c>ftyp</c> at offset 4.</param>
public sealed record DocumentType(string ContentType, string Extension, int Offset, byte[] Signature, byte[]? Tail = null, int TailOffset = 0, IReadOnlyList<string>? Brands = null)
{
    public bool Matches(ReadOnlySpan<byte> head)
    {
        if (head.Length < Offset + Signature.Length || !head.Slice(Offset, Signature.Length).SequenceEqual(Signature))
        {
            return false;
        }

        if (Tail is not null && (head.Length < TailOffset + Tail.Length || !head.Slice(TailOffset, Tail.Length).SequenceEqual(Tail)))
        {
            return false;
        }

        if (Brands is null)
        {
            return true;
        }

        if (head.Length < 12)
        {
            return false;
        }

        var brand = System.Text.Encoding.ASCII.GetString(head.Slice(8, 4));
        return Brands.Contains(brand);
    }
}

/// <summary>
/// The allow-list of document types, decided by the content's first bytes only: the file name and the
/// declared type are the sender's claims, so a renamed executable or script is refused whatever it is called.
/// </summary>
public static class DocumentTypes
{
    /// <summary>How many first bytes <see cref="Detect"/> needs to decide.</summary>
    public const int HeadBytes = 12;

    public static IReadOnlyList<DocumentType> Allowed { get; } =
    [
        new("application/pdf", "pdf", 0, "%PDF-"u8.ToArray()),
        new("image/jpeg", "jpg", 0, [0xFF, 0xD8, 0xFF]),
        new("image/png", "png", 0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        new("image/webp", "webp", 0, "RIFF"u8.ToArray(), "WEBP"u8.ToArray(), 8),

        // Phones save photos of papers as HEIC; "ftyp" then the brand of a HEIF image.
        new("image/heic", "heic", 4, "ftyp"u8.ToArray(), Brands: ["heic", "heix", "heim", "heis", "mif1"]),
    ];

    /// <summary>The type whose signature <paramref name="head"/> starts with, or null when none of the allowed types does.</summary>
    public static DocumentType? Detect(ReadOnlySpan<byte> head)
    {
        foreach (var type in Allowed)
        {
            if (type.Matches(head))
            {
                return type;
            }
        }

        return null;
    }

    public static DocumentType? OfContentType(string contentType) => Allowed.FirstOrDefault(t => t.ContentType == contentType);

    /// <summary>The allowed types for a refusal's message.</summary>
    public static string Names => string.Join(", ", Allowed.Select(t => t.Extension.ToUpperInvariant()));
}
