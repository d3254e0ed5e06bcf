using System.Security.Cryptography;
using System.Text;

namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// Something an office has to act on, listed by <c>GET /api/alerts</c>: a missed referral deadline
/// (<see cref="MissedDeadlineAlert"/>) or a client's request on a case (<see cref="CaseAlert"/>). The id is
/// derived from what raised it, so raising it again finds the same alert. An alert holds ids and dates only.
/// </summary>
public abstract record OfficeAlert(Guid Id, string OfficeId, DateTimeOffset DueAt)
{
    /// <summary>An RFC 9562 version 8 id from the SHA-256 of <paramref name="source"/>.</summary>
    public static Guid DeriveId(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(source));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}

/// <summary>
/// A client's request on a case that the office has to act on: an open chat hand-off (due when it was
/// opened) or an erasure request (due 30 days after it was made). Names the case by id and reference only.
/// </summary>
public sealed record CaseAlert(Guid Id, string OfficeId, CaseAlertKind Kind, Guid CaseId, string CaseReference, DateTimeOffset DueAt)
    : OfficeAlert(Id, OfficeId, DueAt);

public enum CaseAlertKind
{
    /// <summary>The client asked for a person; open until staff close the hand-off.</summary>
    ChatHandOff,

    /// <summary>The client asked for their data to be erased; open until the office acknowledges the alert.</summary>
    ErasureRequest,
}
