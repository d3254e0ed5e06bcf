using System.Buffers.Text;
using System.Text;

namespace LegalAidReferral.Core.Common;

/// <summary>Opaque continuation tokens: the position after which the next page starts, base64url-encoded.</summary>
public static class ContinuationTokens
{
    public const int MaxLength = 512;

    public static string Encode(string position) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(position));

    public static string? Decode(string token)
    {
        if (token.Length is 0 or > MaxLength || !Base64Url.IsValid(token))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
