using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace LegalAidReferral.Core.Referrals.Events;

/// <summary>
/// Keyed pseudonyms (HMAC-SHA-256 with a deployment secret) for what protocol events may not name:
/// a referral id becomes a stable pseudonym, so reviewers can follow one referral's steps without
/// learning its id, and nobody without the secret can link the two.
/// </summary>
public sealed class Pseudonyms
{
    public const int MinKeyBytes = 32;

    private readonly byte[] key;

    public Pseudonyms(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinKeyBytes)
        {
            throw new ArgumentException($"The pseudonym key needs at least {MinKeyBytes} bytes.", nameof(key));
        }

        this.key = key.ToArray();
    }

    /// <summary>The referral's pseudonym: 128 bits of the HMAC, base64url (22 characters).</summary>
    public string Referral(Guid referralId) => Base64Url.EncodeToString(Mac("referral", referralId).AsSpan(0, 16));

    /// <summary>A protocol event's id, derived from the step's id, so a step re-emitted after a crash has the same event id.</summary>
    public Guid Event(Guid stepId) => new(Mac("event", stepId).AsSpan(0, 16));

    private byte[] Mac(string purpose, Guid id) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"{purpose}:{id:D}"));
}
